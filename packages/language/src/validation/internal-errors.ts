/**
 * Failures inside OKR Plan itself. No exception in one document's analysis or in one request may
 * end the server or the CLI: each is caught where it happens, becomes an `internal-error`
 * diagnostic or an empty answer, and is recorded here with its stack — written to the server log
 * (the extension's output channel) and kept for the CLI, which prints it with `--debug`.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { Range } from 'vscode-languageserver-types';

export const INTERNAL_ERROR = 'internal-error';

export interface RecordedError {
    /** The document or request it happened in. */
    where: string;
    message: string;
    stack: string;
}

export class InternalErrors {
    private readonly connection: Connection | undefined;
    /** Every failure of this process so far, oldest first (the CLI prints them with --debug). */
    readonly recorded: RecordedError[] = [];

    constructor(shared: LangiumSharedServices) {
        this.connection = shared.lsp.Connection;
    }

    record(where: string, error: unknown): RecordedError {
        const entry = { where, message: messageOf(error), stack: error instanceof Error && error.stack ? error.stack : messageOf(error) };
        this.recorded.push(entry);
        this.connection?.console.error(`OKR Plan: internal error in ${where}: ${entry.stack}`);
        return entry;
    }
}

export function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** The first line of a document, where an internal-error diagnostic sits. */
export function firstLine(text: string): Range {
    const end = text.search(/\r?\n/);
    return { start: { line: 0, character: 0 }, end: { line: 0, character: end < 0 ? text.length : end } };
}
