/**
 * The document formatter (spec §7): one canonical layout for every plan, so that formatting
 * formatted text changes nothing. Whole-document and range formatting both go through it
 * (Langium's `textDocument/formatting` and `textDocument/rangeFormatting` handlers).
 *
 * The layout:
 *
 * * Two spaces per block level, always, whatever tab settings the editor sends: a plan looks the
 *   same in every editor and in review.
 * * Every clause on its own line, one level deeper than its block; `{` on the declaration's line
 *   after one space, `}` on a line of its own at the block's level. A block with nothing in it is
 *   written `{}` on the declaration's line; a declaration without a block stays one line. (After a
 *   comment that ends the header line, `{` has to go on a line of its own, at the declaration's level.)
 * * One space between the tokens of a clause or a declaration header (`target 10 house per month`,
 *   `team Plasterers 50%`, `actual 2026-02 27 cause "x"`), none around `..` in a range (`180..220`)
 *   and around `.` in a qualified name (`Construction.Plastering`).
 * * Exactly one blank line between top-level declarations, except between two `unit` lines: a list
 *   of units reads best as one compact list, so consecutive units stay adjacent, and keep one blank
 *   line where the writer put one to group them (more blank lines shrink to one).
 * * Inside a block, clauses, stages and key results need no blank line between them; one blank line
 *   the writer put between two of them is kept (more shrink to one), none is kept right after `{`
 *   or right before `}`.
 * * No blank lines at the start of the file, exactly one line break at its end, no trailing spaces.
 *
 * Comments are never removed or reordered. A comment on a line of its own belongs to what follows
 * it: at the top level it opens the group "comments + next declaration", so the blank line that
 * separates declarations goes before the comments, and a documentation comment (`///` lines or a
 * block comment) stays attached to its declaration. Between comments of one group, and between
 * them and their declaration, and before comments that end the file, one blank line is kept if the
 * writer put one. A comment on its own
 * line is indented like the clause after it; the later lines of a block comment move with its
 * first. A trailing comment (after code on the same line) stays on that line with the spacing the
 * writer gave it, so aligned trailing comments stay aligned; only a comment glued to the code gets
 * one space (`3// x` becomes `3 // x`). A token that follows a comment on a new line inside a
 * clause (`needs 200 // per house` ⏎ `m2 per house`) cannot join the clause's line without
 * swallowing it into the comment, so it stays on its line, indented one level deeper.
 *
 * A file with syntax errors is not formatted (no edits); range formatting works on ranges that end
 * before the first error (Langium's `isFormatRangeErrorFree`). Nothing the writer wrote is lost.
 */
import { AstUtils, CstUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { DocumentFormattingParams } from 'vscode-languageserver';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import * as ast from '../generated/ast.js';

/** Spaces per block level. */
export const OKR_INDENT = 2;

/** The first element of a block: on the next line, one level deeper. */
const FIRST_IN_BLOCK: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }] };
/** A further element of a block: on its own line one level deeper, after at most one blank line the writer put there. */
const NEXT_IN_BLOCK: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }, { tabs: 1, lines: 2 }] };
/** A token after a comment that ends a line inside a clause or a header: on its own line, one level deeper. */
const CONTINUATION: FormattingAction = { options: {}, moves: [{ tabs: 1, lines: 1 }] };
/** The first element of the file: no blank lines before it. */
const FILE_START = Formatting.newLines(0);
/** Between top-level declarations: exactly one blank line. */
const ONE_BLANK_LINE = Formatting.newLines(2);
/** A new line, after at most one blank line the writer put there. */
const KEEP_ONE_BLANK_LINE: FormattingAction = { options: {}, moves: [{ lines: 1 }, { lines: 2 }] };

type BlockDeclaration = ast.UnitDeclaration | ast.Calendar | ast.Policy | ast.Team | ast.Objective | ast.KeyResult | ast.Process | ast.Stage | ast.Kpi
    | ast.Scenario | ast.ScenarioTeam | ast.ScenarioKeyResult | ast.ScenarioStage | ast.ScenarioKpi | ast.ScenarioProcess;

/** Declarations with a header and an optional `{ … }` block (units have the header only). */
function isBlockDeclaration(node: AstNode): node is BlockDeclaration {
    return ast.isUnitDeclaration(node) || ast.isCalendar(node) || ast.isPolicy(node) || ast.isTeam(node) || ast.isObjective(node)
        || ast.isKeyResult(node) || ast.isProcess(node) || ast.isStage(node) || ast.isKpi(node)
        || ast.isScenario(node) || ast.isScenarioTeam(node) || ast.isScenarioKeyResult(node) || ast.isScenarioStage(node) || ast.isScenarioKpi(node) || ast.isScenarioProcess(node);
}

export class OkrFormatter extends AbstractFormatter {

    protected override format(node: AstNode): void {
        if (ast.isPlan(node)) {
            this.formatPlan(node);
        } else if (isBlockDeclaration(node)) {
            this.formatDeclaration(node);
        } else if (node.$container && isBlockDeclaration(node.$container) && node.$cstNode) {
            // A clause: all its tokens, those of its quantities and rates included, on one line.
            this.spaceTokens(CstUtils.flattenCst(node.$cstNode).toArray());
        }
    }

    /** Top level: declarations and the comments before them, one blank line between declarations. */
    protected formatPlan(plan: ast.Plan): void {
        const pieces = ownPieces(plan);
        let previousDeclaration: AstNode | undefined;
        let afterDeclaration = false;
        let first = true;
        pieces.forEach((piece, index) => {
            if (piece.hidden && !first && !startsLine(piece)) return; // a trailing comment stays where it is
            let formatting: FormattingAction;
            if (first) {
                formatting = FILE_START;
                first = false;
            } else if (afterDeclaration) {
                // This piece opens the group "comments + next declaration".
                let nextIndex = index;
                while (nextIndex < pieces.length && pieces[nextIndex].hidden) nextIndex++;
                const next = pieces[nextIndex]?.astNode;
                const unitList = ast.isUnitDeclaration(previousDeclaration) && ast.isUnitDeclaration(next);
                formatting = !next || unitList ? KEEP_ONE_BLANK_LINE : ONE_BLANK_LINE;
            } else {
                formatting = KEEP_ONE_BLANK_LINE;
            }
            this.getNodeFormatter(plan).cst([piece]).prepend(formatting);
            afterDeclaration = !piece.hidden;
            if (!piece.hidden) previousDeclaration = piece.astNode;
        });
    }

    /** A declaration: its header on one line, then its block with one element per line. */
    protected formatDeclaration(node: BlockDeclaration): void {
        const formatter = this.getNodeFormatter(node);
        const pieces = ownPieces(node);
        const open = pieces.findIndex(piece => isKeyword(piece, '{'));
        const header = open < 0 ? pieces : pieces.slice(0, open + 1);
        this.spaceTokens(header.flatMap(piece => CstUtils.flattenCst(piece).toArray()));
        if (open < 0) return;
        let close = pieces.length - 1;
        while (close > open && !isKeyword(pieces[close], '}')) close--;
        if (close === open) return; // no closing brace: a broken block, left alone
        const interior = pieces.slice(open + 1, close);
        let first = true;
        for (const piece of interior) {
            if (piece.hidden && !startsLine(piece)) continue; // a trailing comment stays where it is
            formatter.cst([piece]).prepend(first ? FIRST_IN_BLOCK : NEXT_IN_BLOCK);
            first = false;
        }
        formatter.cst([pieces[close]]).prepend(interior.length === 0 ? Formatting.noSpace() : Formatting.newLine());
    }

    /**
     * One space between consecutive tokens, none around `..` and `.`. `leaves` are in document
     * order, comments included; the first token keeps what its container gives it.
     */
    protected spaceTokens(leaves: CstNode[]): void {
        for (let i = 1; i < leaves.length; i++) {
            const leaf = leaves[i];
            const previous = leaves[i - 1];
            let formatting: FormattingAction | undefined;
            if (leaf.hidden) {
                formatting = startsLine(leaf) ? CONTINUATION : undefined;
            } else if (previous.hidden && startsLine(leaf)) {
                // After a comment that ends the header line, `{` goes on its own line at the declaration's level.
                formatting = isKeyword(leaf, '{') ? Formatting.newLine() : CONTINUATION;
            } else if (isKeyword(leaf, '..') || isKeyword(leaf, '.') || isKeyword(previous, '..') || isKeyword(previous, '.')) {
                formatting = Formatting.noSpace();
            } else {
                formatting = Formatting.oneSpace();
            }
            if (formatting) this.collector(leaf, 'prepend', formatting);
        }
    }

    /** An unknown word is a syntax error too (the grammar reads it only to recover): such a file is left as written. */
    override formatDocument(document: LangiumDocument, params: DocumentFormattingParams): MaybePromise<TextEdit[]> {
        return hasUnknownWord(document) ? [] : super.formatDocument(document, params);
    }

    protected override isFormatRangeErrorFree(document: LangiumDocument, range: Range): boolean {
        return super.isFormatRangeErrorFree(document, range) && !hasUnknownWord(document, range.end.line);
    }

    /** Always two spaces per level; one line break at the end of the file; the file's own line breaks. */
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const edits = super.doDocumentFormat(document, { ...options, tabSize: OKR_INDENT, insertSpaces: true }, range);
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        if (!range) {
            const root = document.parseResult.value.$cstNode;
            const last = root ? CstUtils.flattenCst(root).toArray().pop() : undefined;
            const end = last ? last.end : 0;
            const wanted = last ? '\n' : '';
            if (text.slice(end).replace(/\r/g, '') !== wanted) {
                edits.push({ range: { start: textDocument.positionAt(end), end: textDocument.positionAt(text.length) }, newText: wanted });
            }
        }
        const eol = /\r\n/.test(text) ? '\r\n' : '\n';
        return eol === '\n' ? edits : edits.map(edit => ({ ...edit, newText: edit.newText.replace(/\n/g, eol) }));
    }

    /**
     * Comments. Langium only re-indents a comment that starts a line; here such a comment also gets
     * the line breaks its formatting asks for (the blank line before a declaration's doc comment, the
     * blank lines kept inside a block), and a line comment loses its trailing spaces.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const edits: TextEdit[] = [];
        const start = hidden.range.start;
        if (!previous || previous.range.end.line < start.line) {
            const before: Range = { start: previous?.range.end ?? { line: 0, character: 0 }, end: start };
            const move = this.findFittingMove(before, formatting?.moves ?? [], context);
            const indentation = this.getIndentationCharacterCount(context, move);
            const lineStart = { line: start.line, character: 0 };
            const existing = this.getExistingIndentationCharacterCount(context.document.getText({ start: lineStart, end: start }), context);
            if (move?.lines !== undefined) {
                const existingLines = start.line - before.start.line;
                const lines = previous ? Math.max(1, this.fitIntoOptions(move.lines, existingLines, formatting?.options ?? {})) : 0;
                edits.push({ range: before, newText: '\n'.repeat(lines) + ' '.repeat(indentation) });
            } else {
                edits.push({ range: { start: lineStart, end: start }, newText: ' '.repeat(indentation) });
            }
            // The later lines of a block comment move with its first line.
            const shift = indentation - existing;
            const lines = hidden.text.split('\n');
            for (let i = 1; i < lines.length && shift !== 0; i++) {
                const line = start.line + i;
                const blank = /^[ \t]*/.exec(lines[i])![0].length;
                if (shift > 0 && lines[i].trim() !== '') {
                    edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: ' '.repeat(shift) });
                } else if (shift < 0 && blank > 0) {
                    edits.push({ range: { start: { line, character: 0 }, end: { line, character: Math.min(blank, -shift) } }, newText: '' });
                }
            }
        } else if (previous.range.end.character === start.character) {
            // A trailing comment right after code gets one space; otherwise its spacing is the writer's.
            edits.push({ range: { start, end: start }, newText: ' ' });
        }
        const trailing = hidden.text.startsWith('//') ? /[ \t]+$/.exec(hidden.text) : null;
        if (trailing) {
            const end = hidden.range.end;
            edits.push({ range: { start: { line: end.line, character: end.character - trailing[0].length }, end }, newText: '' });
        }
        return edits;
    }
}

/** Whether the document has an unknown word (on or before `lastLine`, when given). */
function hasUnknownWord(document: LangiumDocument, lastLine = Number.MAX_SAFE_INTEGER): boolean {
    return AstUtils.streamAst(document.parseResult.value).some(node => ast.isUnknown(node) && (node.$cstNode?.range.start.line ?? 0) <= lastLine);
}

/**
 * The CST pieces that make up `node` itself, in order: its keywords, names and comments as leaves,
 * and each child AST node (a clause, a stage, a declaration) as one composite.
 */
function ownPieces(node: AstNode): CstNode[] {
    const pieces: CstNode[] = [];
    const visit = (cst: CstNode): void => {
        if (isCompositeCstNode(cst) && cst.astNode === node) {
            cst.content.forEach(visit);
        } else {
            pieces.push(cst);
        }
    };
    if (node.$cstNode) visit(node.$cstNode);
    return pieces;
}

/** Whether nothing but whitespace precedes `cst` on its line. */
function startsLine(cst: CstNode): boolean {
    const text = cst.root.fullText;
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    return cst.offset === 0 || text.slice(lineStart, cst.offset).trim() === '';
}

function isKeyword(cst: CstNode, keyword: string): boolean {
    return !cst.hidden && !isCompositeCstNode(cst) && cst.text === keyword;
}
