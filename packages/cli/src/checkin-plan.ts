/**
 * Applying check-ins to the loaded plan, in memory (spec §11): each entry is checked first (its
 * name, its file parses), then applied in order with the language's check-in edit, file by file.
 * Nothing here writes; `checkin-command.ts` decides whether and how the new texts are written.
 */
import {
    ast, checkinTargetNames, computeCheckinEdit, hasSyntaxErrors, locateCheckinTargets, nearestNames,
    type CheckinEntry, type CheckinOutcome, type OkrServices
} from '@okr-plan/language';
import type { LangiumDocument } from 'langium';
import type { LoadedPlan } from './plan-loader.js';
import type { CheckinWords } from './checkin-words.js';

export interface NamedEntry extends CheckinEntry {
    name: string;
}

/** A file the check-ins change: its text before and after. */
export interface ChangedFile {
    /** Relative to the current folder, as messages print it. */
    file: string;
    /** Absolute path. */
    path: string;
    before: string;
    after: string;
}

export interface AppliedEntry {
    outcome: CheckinOutcome;
    file: string;
    /** 1-based line of the actual in the file's new text. */
    line: number;
}

/** Why an entry cannot be applied, or undefined when it can. */
export function entryProblem(loaded: LoadedPlan, name: string, words: CheckinWords): string | undefined {
    const documents = [...loaded.services.shared.workspace.LangiumDocuments.all];
    const found = locateCheckinTargets(documents, name);
    if (found.length === 0) return words.unknownName(name, nearestNames(name, checkinTargetNames(documents)));
    if (found.length > 1) {
        return words.declaredTwice(name, found.map(({ document, target }) => `${loaded.fileOf(document)}:${target.$cstNode!.range.start.line + 1}`));
    }
    const { document } = found[0];
    if (hasSyntaxErrors(document)) return words.syntaxErrors(loaded.fileOf(document));
    return undefined;
}

/** Apply entries (each already free of problems) in order; returns each entry's result and the changed files. */
export async function applyEntries(loaded: LoadedPlan, entries: NamedEntry[]): Promise<{ applied: AppliedEntry[]; changed: ChangedFile[] }> {
    const services = loaded.services;
    const documents = [...services.shared.workspace.LangiumDocuments.all];
    const current = new Map<string, LangiumDocument>();
    const original = new Map<string, LangiumDocument>();
    const outcomes: CheckinOutcome[] = [];
    const homes: LangiumDocument[] = [];
    for (const entry of entries) {
        const home = locateCheckinTargets(documents, entry.name)[0].document;
        const key = home.uri.toString();
        if (!original.has(key)) original.set(key, home);
        const document = current.get(key) ?? home;
        const { target } = locateCheckinTargets([document], entry.name)[0];
        const result = await computeCheckinEdit(services, document, target, entry);
        if (result.outcome !== 'unchanged') current.set(key, reparse(services, home, result.text));
        outcomes.push(result.outcome);
        homes.push(home);
    }
    const applied = entries.map((entry, index): AppliedEntry => {
        const home = homes[index];
        const document = current.get(home.uri.toString()) ?? home;
        return { outcome: outcomes[index], file: loaded.fileOf(home), line: actualLine(document, entry) + 1 };
    });
    const changed: ChangedFile[] = [];
    for (const [key, home] of original) {
        const after = current.get(key)?.textDocument.getText();
        const before = home.textDocument.getText();
        if (after !== undefined && after !== before) changed.push({ file: loaded.fileOf(home), path: home.uri.fsPath, before, after });
    }
    return { applied, changed };
}

function reparse(services: OkrServices, home: LangiumDocument, text: string): LangiumDocument {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, home.uri);
}

/** 0-based line of the last actual of the entry's period on its declaration. */
function actualLine(document: LangiumDocument, entry: NamedEntry): number {
    const { target } = locateCheckinTargets([document], entry.name)[0];
    const actual = target.clauses.filter((clause): clause is ast.Actual => ast.isActual(clause) && clause.period?.toUpperCase() === entry.period).at(-1);
    return actual!.$cstNode!.range.start.line;
}
