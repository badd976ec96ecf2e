/**
 * Langium's syntax and linking diagnostics, given the spec's `parse-error` code and messages in
 * the user's language that say what to do.
 */
import { Cancellation, DefaultDocumentValidator, interruptAndCheck, isOperationCancelled, type AstNode, type AstReflection, type IndexManager, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { referenceKind, type Messages } from '../i18n/messages.js';
import { readLexingError, readSyntaxError, scenarioBlockAt, type ScenarioBlockKind } from '../i18n/syntax-errors.js';
import { clauseKeywords } from '../parser/block-keywords.js';
import { grammarKeywords } from '../references/okr-names.js';
import { nearest } from '../references/nearest-names.js';
import type { OkrServices } from '../okr-module.js';
import { firstLine, INTERNAL_ERROR, type InternalErrors } from './internal-errors.js';

export const PARSE_ERROR = 'parse-error';
export const LINKING_ERROR = 'linking-error';

export class OkrDocumentValidator extends DefaultDocumentValidator {
    private readonly messages: Messages;
    private readonly internalErrors: InternalErrors;
    /** Every keyword of the language: what a misspelt word is compared with when the expected ones are not close. */
    private readonly keywords: string[];
    private readonly indexManager: IndexManager;
    private readonly reflection: AstReflection;
    /** Node types with a validation check, known once every check is registered (at the first validation). */
    private checkedTypes: Set<string> | undefined;

    constructor(services: OkrServices) {
        super(services);
        this.messages = services.i18n.Messages;
        this.internalErrors = services.validation.InternalErrors;
        this.indexManager = services.shared.workspace.IndexManager;
        this.reflection = services.shared.AstReflection;
        this.keywords = [...grammarKeywords(services.Grammar)].filter(keyword => /^[a-z]/.test(keyword));
    }

    /**
     * Runs the registered checks as Langium does, without walking the tree when only the root has
     * checks: OKR Plan's findings are the workspace plan's, worded by one check on `Plan`, and the
     * walk (an await per node) is a twentieth of a large plan's build.
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.checkedTypes ??= new Set(this.reflection.getAllTypes().filter(type => !this.validationRegistry.getChecks(type).isEmpty()));
        if (this.checkedTypes.size > 1 || !this.checkedTypes.has(rootNode.$type)) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        await interruptAndCheck(cancelToken);
        for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) await check(rootNode, acceptor, cancelToken);
    }

    /** The workspace-wide names of declarations of one kind ('stage' → every `Process.Stage`). */
    private declaredNames(kind: string): string[] {
        const type = DECLARATION_TYPES[kind];
        // Sorted: the index lists names in the order documents were indexed, which differs between a fresh build and edits.
        return type ? this.indexManager.allElements(type).map(description => description.name).toArray().sort() : [];
    }

    /** Validation never throws: a failure inside OKR Plan becomes one internal-error diagnostic on the first line. */
    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        try {
            return withoutEchoes(await super.validateDocument(document, options, cancelToken));
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

    /** A character the lexer could not read, explained from the text around it (`200m2` wants a space). */
    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processLexingErrors(parseResult, diagnostics, options);
        const text = parseResult.value.$cstNode?.root.fullText ?? '';
        diagnostics.slice(from).forEach((diagnostic, index) => {
            const error = parseResult.lexerErrors[index];
            diagnostic.code = PARSE_ERROR;
            const detail = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
            diagnostic.message = this.messages.syntax(error ? readLexingError(text, error.offset, error.length, detail) : detail);
        });
    }

    /**
     * Parser errors in plain words, with the nearest keyword for a misspelt one. After a character
     * the lexer could not read, the rest of that line is its consequence: one mistake, one error.
     */
    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processParsingErrors(parseResult, diagnostics, options);
        const lexed = diagnostics.slice(0, from).filter(diagnostic => diagnostic.code === PARSE_ERROR);
        const text = parseResult.value.$cstNode?.root.fullText ?? '';
        const parsed = diagnostics.splice(from).filter(diagnostic => !lexed.some(earlier => earlier.range.start.line === diagnostic.range.start.line && earlier.range.start.character <= diagnostic.range.start.character));
        for (const diagnostic of parsed) {
            diagnostic.code = PARSE_ERROR;
            let problem = readSyntaxError(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
            const scenarioBlock = problem.kind === 'expected' && this.keywords.includes(problem.found) ? scenarioBlockAt(text, offsetOf(text, diagnostic.range.start)) : undefined;
            if (problem.kind === 'expected' && scenarioBlock) {
                problem = { kind: 'not-in-scenario', keyword: problem.found, block: scenarioBlock, keywords: clauseKeywords(SCENARIO_BLOCK_TYPES[scenarioBlock]) };
            }
            if (problem.kind === 'expected' && /^[_\p{L}]/u.test(problem.found)) {
                problem.suggestion = nearest(problem.found, problem.expected.filter(token => /^[a-z]/.test(token)), 1)[0] ?? nearest(problem.found, this.keywords, 1)[0];
            }
            diagnostic.message = this.messages.syntax(problem);
            if (problem.kind === 'not-in-scenario') diagnostic.data = { ...(diagnostic.data as object | undefined), notInScenario: true };
            diagnostics.push(diagnostic);
        }
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const from = diagnostics.length;
        super.processLinkingErrors(document, diagnostics, options);
        const namesByKind = new Map<string, string[]>();
        const linkingErrors = diagnostics.slice(from);
        for (const [index, diagnostic] of linkingErrors.entries()) {
            const data = diagnostic.data as { containerType?: string; property?: string; refText?: string; nearest?: string[] } | undefined;
            const [containerType, property, refText] = [data?.containerType ?? '', data?.property ?? '', data?.refText ?? ''];
            // The nearest names of the right kind in this plan: in the message, and for the quick fix that writes one.
            const kind = referenceKind(containerType, property);
            if (!namesByKind.has(kind)) namesByKind.set(kind, this.declaredNames(kind));
            // Suggestions cost a comparison with every name of the kind: a file with very many unresolved names gets them for the first ones only.
            const nearestNames = index < MAX_SUGGESTED ? nearest(refText, namesByKind.get(kind) ?? []) : [];
            if (data) data.nearest = nearestNames;
            diagnostic.code = LINKING_ERROR;
            diagnostic.message = this.messages.unresolved(containerType, property, refText, nearestNames);
        }
    }


}

/** How many unresolved names of one document get "did you mean" suggestions. */
const MAX_SUGGESTED = 50;

/** The AST type each kind of reference names. */
const DECLARATION_TYPES: Record<string, string> = { unit: 'UnitDeclaration', process: 'Process', stage: 'Stage', team: 'Team', keyresult: 'KeyResult', kpi: 'Kpi', scenario: 'Scenario' };

/** The AST type of each kind of scenario block, whose clause keywords a message lists. */
const SCENARIO_BLOCK_TYPES: Record<ScenarioBlockKind, string> = {
    scenario: 'Scenario', team: 'ScenarioTeam', keyresult: 'ScenarioKeyResult', stage: 'ScenarioStage', kpi: 'ScenarioKpi', process: 'ScenarioProcess'
};

function offsetOf(text: string, position: { line: number; character: number }): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
        const next = text.indexOf('\n', offset);
        if (next < 0) return text.length;
        offset = next + 1;
    }
    return offset + position.character;
}

/**
 * An unknown word the parser already reported at the same place is said once. After a keyword a
 * scenario's block does not take (`output m2`), the words of that clause on its line are its
 * consequence: one mistake, one error.
 */
function withoutEchoes(diagnostics: Diagnostic[]): Diagnostic[] {
    const fromParser = diagnostics.filter(diagnostic => diagnostic.code === PARSE_ERROR && (diagnostic.data as { args?: unknown } | undefined)?.args === undefined);
    const notInScenario = fromParser.filter(diagnostic => (diagnostic.data as { notInScenario?: boolean } | undefined)?.notInScenario === true);
    return diagnostics.filter(diagnostic => {
        const isUnknownWord = diagnostic.code === PARSE_ERROR && (diagnostic.data as { args?: unknown } | undefined)?.args !== undefined;
        if (!isUnknownWord) return true;
        const { line, character } = diagnostic.range.start;
        if (notInScenario.some(other => other.range.start.line === line && other.range.start.character < character)) return false;
        return !fromParser.some(other => other.range.start.line === line && other.range.start.character === character);
    });
}
