/**
 * Recording a check-in (spec §11): the one edit that `okr checkin`, `okr import` and the editor's
 * "Record Check-in" command make. Find the KPI or key result by name; when it has an actual with
 * the same period, replace that actual's value (and cause); else add `actual PERIOD VALUE` as its
 * last clause in the formatter's layout. Nothing else in the file moves.
 */
import { CstUtils, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';
import type { OkrServices } from '../okr-module.js';
import { OKR_INDENT } from './okr-formatter.js';
import { currentPeriod, formatCheckinValue, quoteCause } from './checkin-values.js';

/** What a check-in can be recorded on. */
export type CheckinTarget = ast.Kpi | ast.KeyResult;

export interface CheckinEntry {
    /** In canonical form (see `canonicalPeriod`). */
    period: string;
    value: number;
    /** `undefined`: keep an existing cause, write none on a new actual. */
    cause?: string;
}

export type CheckinOutcome = 'added' | 'updated' | 'unchanged';

export interface CheckinEdit {
    outcome: CheckinOutcome;
    /** The edit to the document's text; none when unchanged. */
    edit?: TextEdit;
    /** The document's whole text after the edit. */
    text: string;
    /** 0-based line of the recorded `actual` clause in `text`. */
    line: number;
}

/** The name a check-in uses: a KPI's name, a key result's `Objective.KeyResult`. */
export function checkinTargetName(node: CheckinTarget): string | undefined {
    if (!node.name) return undefined;
    if (ast.isKeyResult(node)) return node.$container?.name ? `${node.$container.name}.${node.name}` : undefined;
    return node.name;
}

/** Every KPI and key result of a plan file, in text order. */
export function checkinTargetsOf(plan: ast.Plan): CheckinTarget[] {
    const targets: CheckinTarget[] = [];
    for (const declaration of plan.declarations) {
        if (ast.isKpi(declaration)) targets.push(declaration);
        else if (ast.isObjective(declaration)) targets.push(...declaration.clauses.filter(ast.isKeyResult));
    }
    return targets;
}

/** A KPI or key result and the document it is declared in. */
export interface LocatedTarget {
    document: LangiumDocument;
    target: CheckinTarget;
}

/** Every declaration named `name` (a KPI, or a key result `Objective.KeyResult`), in document order. */
export function locateCheckinTargets(documents: Iterable<LangiumDocument>, name: string): LocatedTarget[] {
    const found: LocatedTarget[] = [];
    for (const document of documents) {
        const plan = document.parseResult.value as ast.Plan;
        if (!ast.isPlan(plan)) continue;
        for (const target of checkinTargetsOf(plan)) if (checkinTargetName(target) === name) found.push({ document, target });
    }
    return found;
}

/** The names a check-in can be recorded on, each once, sorted. */
export function checkinTargetNames(documents: Iterable<LangiumDocument>): string[] {
    const names = new Set<string>();
    for (const document of documents) {
        const plan = document.parseResult.value as ast.Plan;
        if (!ast.isPlan(plan)) continue;
        for (const target of checkinTargetsOf(plan)) {
            const name = checkinTargetName(target);
            if (name) names.add(name);
        }
    }
    return [...names].sort();
}

/** Whether a document has lexing or parsing errors: such a file is never written. */
export function hasSyntaxErrors(document: LangiumDocument): boolean {
    return document.parseResult.lexerErrors.length > 0 || document.parseResult.parserErrors.length > 0;
}

/** The period to propose today: the day or ISO week when the KPI or key result counts per day or week, else the month. */
export function proposedCheckinPeriod(target: CheckinTarget, today = new Date()): string {
    const timeUnit = ast.isKpi(target)
        ? target.clauses.find(ast.isKpiPer)?.timeUnit
        : target.clauses.find(ast.isKeyResultTarget)?.rate?.per;
    return currentPeriod(timeUnit === 'day' || timeUnit === 'week' ? timeUnit : 'month', today);
}

/** The `actual` clause as the formatter writes it. */
export function actualClauseText(entry: CheckinEntry): string {
    const cause = entry.cause === undefined ? '' : ` cause ${quoteCause(entry.cause)}`;
    return `actual ${entry.period} ${formatCheckinValue(entry.value)}${cause}`;
}

/**
 * The edit that records `entry` on `target`, a declaration of `document` (which must parse).
 * The result's text is parsed again before it is returned: the text written always parses.
 */
export async function computeCheckinEdit(services: OkrServices, document: LangiumDocument, target: CheckinTarget, entry: CheckinEntry): Promise<CheckinEdit> {
    const text = document.textDocument.getText();
    const same = target.clauses.filter((clause): clause is ast.Actual => ast.isActual(clause) && clause.period?.toUpperCase() === entry.period);
    const existing = same.at(-1);
    let start: number;
    let end: number;
    let replacement: string;
    let outcome: CheckinOutcome;
    if (existing) {
        ({ start, end, replacement } = updateActual(existing, entry, text));
        outcome = replacement === text.slice(start, end) ? 'unchanged' : 'updated';
    } else {
        ({ start, end, replacement } = await addActual(services, document, target, entry));
        outcome = 'added';
    }
    const newText = text.slice(0, start) + replacement + text.slice(end);
    const line = recordedLine(services, document, target, newText, entry.period);
    if (outcome === 'unchanged') return { outcome, text, line };
    const textDocument = document.textDocument;
    const edit: TextEdit = { range: { start: textDocument.positionAt(start), end: textDocument.positionAt(end) }, newText: replacement };
    return { outcome, edit, text: newText, line };
}

/** Replace the value (and the cause, when one is given) of an existing actual; the rest stays as written. */
function updateActual(actual: ast.Actual, entry: CheckinEntry, text: string): { start: number; end: number; replacement: string } {
    // Only files without syntax errors are edited, so every actual there is complete.
    const quantity = actual.value?.$cstNode;
    const actualCst = actual.$cstNode;
    if (!quantity || !actualCst) throw new Error('an actual of a file without syntax errors has a value');
    const writtenValue = text.slice(quantity.offset, quantity.end);
    const sameValue = !actual.value?.high && !writtenValue.endsWith('%') && Number(writtenValue.replace(/_/g, '')) === entry.value;
    const valueText = sameValue ? writtenValue : formatCheckinValue(entry.value);
    const causeLeaf = CstUtils.flattenCst(actualCst).filter(leaf => !leaf.hidden && leaf.tokenType.name === 'STRING').head();
    if (causeLeaf) {
        const causeText = entry.cause === undefined ? causeLeaf.text : quoteCause(entry.cause);
        return { start: quantity.offset, end: causeLeaf.end, replacement: valueText + text.slice(quantity.end, causeLeaf.offset) + causeText };
    }
    const causeText = entry.cause === undefined ? '' : ` cause ${quoteCause(entry.cause)}`;
    return { start: quantity.offset, end: quantity.end, replacement: valueText + causeText };
}

/**
 * Add the actual as the last clause. In a block laid out one clause a line, it goes on a new line
 * after the last clause (and after a comment ending that line), indented as the formatter indents.
 * A declaration without a block, or a block written on one line, gets the clause and then the
 * formatter's layout for that declaration only.
 */
async function addActual(services: OkrServices, document: LangiumDocument, target: CheckinTarget, entry: CheckinEntry): Promise<{ start: number; end: number; replacement: string }> {
    const text = document.textDocument.getText();
    const eol = /\r\n/.test(text) ? '\r\n' : '\n';
    const clause = actualClauseText(entry);
    const cst = target.$cstNode!;
    const leaves = CstUtils.flattenCst(cst).filter(leaf => !leaf.hidden).toArray();
    const open = leaves.find(leaf => leaf.text === '{' && leaf.astNode === target);
    const close = leaves.at(-1)?.text === '}' ? leaves.at(-1) : undefined;
    const last = target.clauses.at(-1)?.$cstNode;
    if (open && close && last && startsLine(text, last.offset) && startsLine(text, close.offset)) {
        const at = lineEndAfter(text, last.end);
        const indent = ' '.repeat(OKR_INDENT * (ast.isKeyResult(target) ? 2 : 1));
        return { start: at, end: at, replacement: eol + indent + clause };
    }
    // Insert, then let the formatter lay out this declaration (and nothing outside it).
    const insertAt = open && close ? close.offset : cst.end;
    const before = text.charAt(insertAt - 1);
    const inserted = open && close ? `${/\s/.test(before) ? '' : ' '}${clause} ` : ` { ${clause} }`;
    const draft = text.slice(0, insertAt) + inserted + text.slice(insertAt);
    const draftDocument = services.shared.workspace.LangiumDocumentFactory.fromString<ast.Plan>(draft, document.uri);
    const draftTarget = targetAt(draftDocument.parseResult.value, cst.offset);
    if (!draftTarget?.$cstNode || hasSyntaxErrors(draftDocument)) throw new Error(`check-in edit of '${checkinTargetName(target)}' does not parse`);
    const from = draftTarget.$cstNode.offset;
    const to = draftTarget.$cstNode.end;
    const formatter = services.lsp.Formatter!;
    const all = await formatter.formatDocument(draftDocument, { textDocument: { uri: document.uri.toString() }, options: { tabSize: OKR_INDENT, insertSpaces: true } });
    const textDocument = draftDocument.textDocument;
    const inside = all
        .map(edit => ({ start: textDocument.offsetAt(edit.range.start), end: textDocument.offsetAt(edit.range.end), newText: edit.newText }))
        .filter(edit => edit.start >= from && edit.end <= to)
        .sort((a, b) => b.start - a.start);
    let declaration = draft.slice(from, to);
    for (const edit of inside) declaration = declaration.slice(0, edit.start - from) + edit.newText + declaration.slice(edit.end - from);
    return { start: cst.offset, end: cst.end, replacement: declaration };
}

/** The KPI or key result whose text starts at `offset`. */
function targetAt(plan: ast.Plan, offset: number): CheckinTarget | undefined {
    return checkinTargetsOf(plan).find(target => target.$cstNode?.offset === offset);
}

/** Parse the new text, and find the line of the target's last actual for the period. */
function recordedLine(services: OkrServices, document: LangiumDocument, target: CheckinTarget, newText: string, period: string): number {
    const parsed = services.shared.workspace.LangiumDocumentFactory.fromString<ast.Plan>(newText, document.uri);
    const again = targetAt(parsed.parseResult.value, target.$cstNode!.offset);
    const actual = again?.clauses.filter((clause): clause is ast.Actual => ast.isActual(clause) && clause.period?.toUpperCase() === period).at(-1);
    if (hasSyntaxErrors(parsed) || !actual?.$cstNode) throw new Error(`check-in edit of '${checkinTargetName(target)}' does not parse`);
    return actual.$cstNode.range.start.line;
}

/** Whether only spaces or tabs precede `offset` on its line. */
function startsLine(text: string, offset: number): boolean {
    const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
    return text.slice(lineStart, offset).trim() === '';
}

/** Where the line holding `offset` ends, after any comments that continue it (a trailing comment stays on its line). */
function lineEndAfter(text: string, offset: number): number {
    let at = offset;
    for (;;) {
        const blank = /^[ \t]*/.exec(text.slice(at))![0].length;
        const next = at + blank;
        if (text.startsWith('//', next)) {
            at = lineBreakAt(text, next);
        } else if (text.startsWith('/*', next)) {
            const close = text.indexOf('*/', next + 2);
            at = close < 0 ? text.length : close + 2;
        } else {
            return lineBreakAt(text, at);
        }
    }
}

/** The offset of the first line break at or after `offset`, or the end of the text. */
function lineBreakAt(text: string, offset: number): number {
    const match = /\r\n|\r|\n/.exec(text.slice(offset));
    return match ? offset + match.index : text.length;
}
