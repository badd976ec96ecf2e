/**
 * Loads the `.okr` files under the given paths into one Langium workspace, builds it, and returns
 * every diagnostic with file, line and column. Files that are not UTF-8 text are not parsed: they
 * get one `parse-error` at line 1, column 1, and the other files are still checked.
 */
import { createOkrServices, isNamedDeclaration, isPlanFileName, isSkippedFolder, PARSE_ERROR, qualifiedName, type Language, type PlanSource, type OkrServices, type OkrServicesOverride, type WorkspacePlan } from '@okr-plan/language';
import { CstUtils, DocumentState, EmptyFileSystem, URI, type AstNode, type LangiumDocument } from 'langium';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { NO_PROGRESS, type LoadProgress } from './progress.js';

export type { PlanSource };

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface PlanDiagnostic {
    /** Relative to the current folder, with forward slashes. */
    file: string;
    /** The file's absolute path (for SARIF, when the file lies outside the current folder). */
    absolute: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
    /** The qualified name of the declaration it sits in (`Construction.Plastering`), null outside any (spec §10 matches by it). */
    declaration: string | null;
}

export interface LoadedPlan {
    files: string[];
    diagnostics: PlanDiagnostic[];
    plan: WorkspacePlan;
    services: OkrServices;
    /** The relative path of a document, as diagnostics print it. */
    fileOf(document: LangiumDocument): string;
}

/**
 * No `.okr` file under the given paths (spec v2 §6): nothing was checked, which must not pass CI
 * (exit status 2). The message says where okr looked and what it looks for.
 */
export class NoPlanFoundError extends Error {
    constructor(readonly paths: string[], readonly language: Language) {
        const where = paths.map(given => `'${given}'`).join(', ');
        super(language === 'ru'
            ? `в ${where} нет ни одного файла .okr (читаются файлы с расширением .okr во всех вложенных папках, кроме скрытых и node_modules); укажите папку с планом или сам файл`
            : `no .okr file found under ${where} (okr reads files ending in .okr in every folder below, except hidden folders and node_modules); name the folder of the plan or the file itself`);
    }
}

/** A path that could not be read (or written): a usage or I/O error (exit status 2). */
export class UnreadablePathError extends Error {
    /** The system's error code (`ENOENT`, `EACCES`, …), which the message words in the user's language. */
    readonly code: string | undefined;

    constructor(readonly path: string, readonly reason: string, readonly action: 'read' | 'write' = 'read', error?: unknown) {
        super(`cannot ${action} '${path}': ${reason}`);
        this.code = (error as NodeJS.ErrnoException | undefined)?.code;
    }
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * A run of the CLI never asks "where is this used?": the index of every reference, which the
 * editor keeps for find-references and for rebuilding what an edit affects, is not built. On a
 * 3,000-file plan that is a tenth of the build's time and of its memory.
 */
export function withoutReferenceIndex(override: OkrServicesOverride | undefined): OkrServicesOverride {
    return {
        ...override,
        workspace: {
            ...override?.workspace,
            ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] })
        }
    } as OkrServicesOverride;
}

/** `progress` hears of every file read and analysed (the terminal's progress line); it is ended here. */
export async function loadPlan(paths: string[], cwd: string, language: Language, override?: OkrServicesOverride, progress: LoadProgress = NO_PROGRESS): Promise<LoadedPlan> {
    try {
        return await loadFiles(paths, cwd, language, override, progress);
    } finally {
        progress.end();
    }
}

async function loadFiles(paths: string[], cwd: string, language: Language, override: OkrServicesOverride | undefined, progress: LoadProgress): Promise<LoadedPlan> {
    const given = paths.length > 0 ? paths : ['.'];
    const files = await collectOkrFiles(given, cwd);
    if (files.length === 0) throw new NoPlanFoundError(given, language);
    return loadPlanSources(files.map(file => ({ absolute: file, read: () => readBytes(file) })), cwd, language, override, progress);
}

/** Loads the given files (possibly none: an empty plan); `root` is the folder diagnostics' paths are relative to. */
export async function loadPlanSources(sources: PlanSource[], root: string, language: Language, override?: OkrServicesOverride, progress: LoadProgress = NO_PROGRESS): Promise<LoadedPlan> {
    const cwd = root;
    const files = sources.map(source => source.absolute);
    const { Okr, shared } = createOkrServices(EmptyFileSystem, withoutReferenceIndex(override));
    Okr.i18n.Messages.language = language;
    const relative = (file: string) => toPosix(path.relative(cwd, file)) || path.basename(file);
    const diagnostics: PlanDiagnostic[] = [];
    const documents: LangiumDocument[] = [];
    const fileByUri = new Map<string, string>();
    for (const [index, source] of sources.entries()) {
        const file = source.absolute;
        progress.read(index, files.length);
        const bytes = await source.read();
        const text = decodeText(bytes);
        if (text === undefined) {
            const reason = bytes.includes(0) ? 'nul' : 'encoding';
            diagnostics.push({ file: relative(file), absolute: file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code: PARSE_ERROR, message: Okr.i18n.Messages.undecodable(reason), declaration: null });
            continue;
        }
        const uri = URI.file(file);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        fileByUri.set(uri.toString(), relative(file));
    }
    progress.read(files.length, files.length);
    // Every phase of every document reports, so the line appears even while nothing is validated yet.
    let analysed = 0;
    const builder = shared.workspace.DocumentBuilder;
    const listeners = [
        builder.onDocumentPhase(DocumentState.Linked, () => progress.analysed(analysed, documents.length)),
        builder.onDocumentPhase(DocumentState.Validated, () => progress.analysed(++analysed, documents.length))
    ];
    try {
        await builder.build(documents, { validation: true });
    } finally {
        for (const listener of listeners) listener.dispose();
    }
    for (const document of documents) {
        const file = fileByUri.get(document.uri.toString())!;
        for (const diagnostic of document.diagnostics ?? []) {
            diagnostics.push({
                file,
                absolute: document.uri.fsPath,
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                endLine: diagnostic.range.end.line + 1,
                endColumn: diagnostic.range.end.character + 1,
                severity: SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? 'error',
                code: String(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code ?? PARSE_ERROR),
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
                declaration: declarationAt(document, diagnostic.range.start)
            });
        }
    }
    diagnostics.sort((a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code));
    return {
        files: files.map(relative),
        diagnostics,
        plan: Okr.plan.PlanWorkspace.current(),
        services: Okr,
        fileOf: document => fileByUri.get(document.uri.toString()) ?? relative(document.uri.fsPath)
    };
}

/** The qualified name of the innermost named declaration at a position, or null. */
function declarationAt(document: LangiumDocument, position: { line: number; character: number }): string | null {
    const root = document.parseResult.value.$cstNode;
    if (!root) return null;
    let node: AstNode | undefined = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position))?.astNode;
    while (node && !isNamedDeclaration(node)) node = node.$container;
    return (node && qualifiedName(node)) ?? null;
}

/** Every `.okr` file named or found below the given paths, each once, in path order. */
export async function collectOkrFiles(paths: string[], cwd: string): Promise<string[]> {
    const found = new Set<string>();
    for (const given of paths) {
        const absolute = path.resolve(cwd, given);
        const stat = await fs.stat(absolute).catch((error: NodeJS.ErrnoException) => {
            throw new UnreadablePathError(given, error.message, 'read', error);
        });
        if (stat.isDirectory()) await walk(absolute, found);
        else found.add(absolute);
    }
    return [...found].sort(compare);
}

async function walk(folder: string, found: Set<string>): Promise<void> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error: Error) => {
        throw new UnreadablePathError(folder, error.message, 'read', error);
    });
    for (const entry of entries) {
        // The editor's workspace follows the same rule, so both see one plan.
        if (entry.isDirectory() ? isSkippedFolder(entry.name) : entry.name.startsWith('.')) continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) await walk(full, found);
        else if (entry.isFile() && isPlanFileName(entry.name)) found.add(full);
    }
}

async function readBytes(file: string): Promise<Uint8Array> {
    try {
        return await fs.readFile(file);
    } catch (error) {
        throw new UnreadablePathError(file, (error as Error).message, 'read', error);
    }
}

/** The text of a file, or undefined when it is not UTF-8 or contains NUL bytes. A BOM is dropped. */
export function decodeText(bytes: Uint8Array): string | undefined {
    if (bytes.includes(0)) return undefined;
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
        return undefined;
    }
}

function toPosix(file: string): string {
    return file.split(path.sep).join('/');
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
