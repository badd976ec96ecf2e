/**
 * Langium's syntax and linking diagnostics, given the spec's `parse-error` code and messages in
 * the user's language that say what to do.
 */
import { Cancellation, DefaultDocumentValidator, isOperationCancelled, type LangiumDocument, type ParseResult, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';
import { firstLine, INTERNAL_ERROR, type InternalErrors } from './internal-errors.js';

export const PARSE_ERROR = 'parse-error';
export const LINKING_ERROR = 'linking-error';

export class OkrDocumentValidator extends DefaultDocumentValidator {
    private readonly messages: Messages;
    private readonly internalErrors: InternalErrors;

    constructor(services: OkrServices) {
        super(services);
        this.messages = services.i18n.Messages;
        this.internalErrors = services.validation.InternalErrors;
    }

    /** Validation never throws: a failure inside OKR Plan becomes one internal-error diagnostic on the first line. */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        try {
            return await super.validateDocument(document, options, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            const { message } = this.internalErrors.record(document.uri.toString(), error);
            return [{
                severity: 1,
                range: firstLine(document.textDocument.getText()),
                code: INTERNAL_ERROR,
                message: this.messages.finding({ code: 'internal-error', severity: 'error', site: { node: document.parseResult.value }, args: { detail: message } }),
                source: this.getSource()
            }];
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(from)) this.asParseError(diagnostic);
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        for (const diagnostic of diagnostics.slice(from)) this.asParseError(diagnostic);
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        for (const diagnostic of diagnostics.slice(from)) {
            const data = diagnostic.data as { containerType?: string; property?: string; refText?: string } | undefined;
            diagnostic.code = LINKING_ERROR;
            diagnostic.message = this.messages.unresolved(data?.containerType ?? '', data?.property ?? '', data?.refText ?? '');
        }
    }

    private asParseError(diagnostic: Diagnostic): void {
        diagnostic.code = PARSE_ERROR;
        diagnostic.message = this.messages.syntax(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
    }
}
