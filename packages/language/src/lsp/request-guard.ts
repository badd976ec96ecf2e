/**
 * Every request answers, whatever happens inside OKR Plan: a handler that throws (a bug) gives
 * an empty answer — no hover, no hints, no fixes — and its stack goes to the server log, instead
 * of an error response or a dead server. Cancellations and deliberate refusals (a ResponseError
 * such as "not a valid name" from rename) pass through. Installed on the connection before
 * Langium registers its handlers, so every handler is covered, ours and Langium's alike.
 */
import { isOperationCancelled } from 'langium';
import { ResponseError, type Connection } from 'vscode-languageserver';
import type { InternalErrors } from '../validation/internal-errors.js';

type Handler = (...args: never[]) => unknown;
type Register = (handler: Handler) => unknown;

/** Registration methods of the connection and what each answers when its handler fails. */
const EMPTY_ANSWERS: Record<string, unknown> = {
    onHover: null,
    onCompletion: null,
    onCompletionResolve: undefined,
    onCodeAction: [],
    onCodeLens: [],
    onDocumentFormatting: [],
    onDocumentRangeFormatting: [],
    onDocumentOnTypeFormatting: [],
    onDefinition: null,
    onDeclaration: null,
    onTypeDefinition: null,
    onImplementation: null,
    onReferences: [],
    onDocumentHighlight: [],
    onDocumentSymbol: [],
    onWorkspaceSymbol: [],
    onFoldingRanges: [],
    onSignatureHelp: null,
    onPrepareRename: null,
    onRenameRequest: null,
    onDocumentLinks: [],
    onSelectionRanges: []
};

export function guardRequests(connection: Connection, internalErrors: InternalErrors): void {
    const guard = (owner: object, method: string, empty: unknown) => {
        const target = owner as Record<string, Register | undefined>;
        const register = target[method];
        if (typeof register !== 'function') return;
        target[method] = (handler: Handler) => register.call(owner, answerOnFailure(handler, method, empty, internalErrors));
    };
    for (const [method, empty] of Object.entries(EMPTY_ANSWERS)) guard(connection, method, empty);
    guard(connection.languages.inlayHint, 'on', []);
    guard(connection.languages.semanticTokens, 'on', { data: [] });
    guard(connection.languages.semanticTokens, 'onDelta', { edits: [] });
    guard(connection.languages.semanticTokens, 'onRange', { data: [] });
}

/** The handler, answering `empty` (and recording the failure) when it throws something that is not a deliberate refusal. */
export function answerOnFailure<H extends Handler>(handler: H, what: string, empty: unknown, internalErrors: InternalErrors): H {
    return (async (...args: never[]) => {
        try {
            return await handler(...args);
        } catch (error) {
            if (isOperationCancelled(error) || error instanceof ResponseError) throw error;
            internalErrors.record(what, error);
            return empty;
        }
    }) as unknown as H;
}
