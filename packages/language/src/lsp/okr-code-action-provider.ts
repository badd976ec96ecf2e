/**
 * Quick fixes (spec §7). Each diagnostic carries its code and the numbers a fix needs in its
 * `data`, so a fix is a small edit computed from them:
 *  - kpi-target-below-plan: set the target to the derived plan rounded up;
 *  - kpi-behind-plan: the manager's three responses — add people (raise the headcount to what
 *    the actual pace needs), adjust the plan (lower the key result to what the pace gives), or
 *    analyse the causes (add `cause ""`);
 *  - key-result-behind-plan (spec §8): the same three responses for a key result's check-in —
 *    more people on the limiting stage, a lower target (what the pace gives), a recorded cause;
 *  - over-capacity: raise the headcount to what the capacity allows;
 *  - missing-flow: insert a flow clause;
 *  - an unknown unit: declare it.
 */
import { formatNumber, roundDownTarget, roundUpTarget, wholePeople } from '@okr-plan/engine';
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { Messages } from '../i18n/messages.js';
import { LINKING_ERROR } from '../validation/okr-document-validator.js';
import type { OkrServices } from '../okr-module.js';
import type { PlanWorkspace } from '../plan/plan-workspace.js';

type Args = Record<string, string | number | undefined>;

interface DiagnosticData {
    code?: string;
    args?: Args;
    containerType?: string;
    property?: string;
    refText?: string;
    /** Declared names near an unresolved reference (see the document validator). */
    nearest?: string[];
}

/** Where a reference to a unit is written: container type and property. */
const UNIT_REFERENCES = new Set(['Output.unit', 'Rate.unit', 'Needs.unit', 'Needs.perUnit', 'Yields.unit', 'Yields.perUnit']);

export class OkrCodeActionProvider implements CodeActionProvider {
    private readonly planWorkspace: PlanWorkspace;
    private readonly messages: Messages;

    constructor(services: OkrServices) {
        this.planWorkspace = services.plan.PlanWorkspace;
        this.messages = services.i18n.Messages;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = (diagnostic.data ?? {}) as DiagnosticData;
            const args = data.args ?? {};
            const add = (title: string, edit: WorkspaceEdit | undefined, preferred = false) => {
                if (edit) actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, isPreferred: preferred || undefined });
            };
            const fixes = this.messages.fixWords();
            switch (data.code ?? diagnostic.code) {
                case 'kpi-target-below-plan': {
                    const target = nodeAt(document, diagnostic, ast.isKpiTarget);
                    if (target && typeof args.suggested === 'number') {
                        add(fixes.setTarget(formatNumber(args.suggested)), replaceNode(target.value, formatNumber(args.suggested)), true);
                    }
                    break;
                }
                case 'kpi-behind-plan': {
                    const actual = nodeAt(document, diagnostic, ast.isActual);
                    this.raiseHeadcount(args, people => fixes.raiseHeadcountForPace(String(args.team), people), add, false, actual && this.retarget(actual));
                    this.lowerKeyResult(args, add);
                    if (actual?.$cstNode && actual.cause === undefined) {
                        add(fixes.addCause, insertAt(document, actual.$cstNode.range.end, ' cause ""'));
                    }
                    break;
                }
                case 'key-result-behind-plan': {
                    const actual = nodeAt(document, diagnostic, ast.isActual);
                    this.raiseHeadcount(args, people => fixes.raiseHeadcountForPace(String(args.team), people), add);
                    this.lowerKeyResult(args, add);
                    if (actual?.$cstNode && actual.cause === undefined) {
                        add(fixes.addCause, insertAt(document, actual.$cstNode.range.end, ' cause ""'));
                    }
                    break;
                }
                case 'over-capacity':
                    this.raiseHeadcount(args, people => fixes.raiseHeadcountForCapacity(String(args.team), people), add, true);
                    break;
                case 'missing-flow': {
                    const stage = nodeAt(document, diagnostic, ast.isStage);
                    if (!stage) break;
                    const clauses = typeof args.unit === 'string' && typeof args.previousUnit === 'string'
                        ? [`needs 1 ${args.previousUnit} per ${args.unit}`, 'conversion 100%']
                        : ['conversion 100%'];
                    for (const clause of clauses) add(fixes.insertClause(clause), insertClause(document, stage, clause));
                    break;
                }
                case 'flow-on-first-stage': {
                    const clause = nodeAt(document, diagnostic, (node): node is ast.Needs | ast.Yields | ast.Conversion => ast.isNeeds(node) || ast.isYields(node) || ast.isConversion(node));
                    if (clause) add(fixes.removeClause(clause.$cstNode?.text ?? ''), removeClause(document, clause), true);
                    break;
                }
                case LINKING_ERROR:
                    // The names of the plan nearest to what was written, nearest first: the likeliest fix.
                    for (const [index, name] of (data.nearest ?? []).entries()) {
                        add(fixes.changeTo(name), edit(document.textDocument.uri, { range: diagnostic.range, newText: name }), index === 0);
                    }
                    if (data.refText && UNIT_REFERENCES.has(`${data.containerType}.${data.property}`)) {
                        add(fixes.declareUnit(data.refText), declareUnit(document, data.refText), (data.nearest ?? []).length === 0);
                    }
                    break;
            }
        }
        return actions;
    }

    /**
     * Sets the headcount of `args.team` to `args.neededHeadcount` rounded up to whole people, when
     * that is a raise. `retarget`, when given, also moves a hand-set per-person KPI target to what
     * the new headcount derives, so the KPI and the plan agree after the fix.
     */
    private raiseHeadcount(
        args: Args,
        title: (people: string) => string,
        add: (title: string, edit: WorkspaceEdit | undefined, preferred?: boolean) => void,
        preferred = false,
        retarget?: (people: number, headcount: number) => { edit: WorkspaceEdit; target: string } | undefined
    ): void {
        if (typeof args.team !== 'string' || typeof args.neededHeadcount !== 'number' || typeof args.headcount !== 'number') return;
        const people = wholePeople(args.neededHeadcount);
        if (!Number.isFinite(people) || people <= args.headcount) return;
        const team = this.declaration(args.team, ast.isTeam);
        const headcount = team?.clauses.find(ast.isHeadcount);
        if (!headcount?.value) return;
        const moved = retarget?.(people, args.headcount as number);
        const edits = [replaceNode(headcount.value, String(people)), moved?.edit];
        const text = title(String(people)) + (moved ? this.messages.fixWords().andTarget(moved.target) : '');
        add(text, merge(edits), preferred);
    }

    /** For an actual of a per-person KPI with a hand-set target: the edit that moves the target to the derived value at a new headcount. */
    private retarget(actual: ast.Actual): ((people: number, headcount: number) => { edit: WorkspaceEdit; target: string } | undefined) | undefined {
        const kpi = actual.$container;
        if (!ast.isKpi(kpi)) return undefined;
        const target = kpi.clauses.find(ast.isKpiTarget);
        const figures = this.planWorkspace.current().figuresOf.kpis.get(kpi);
        if (!target?.value || !figures?.figure || !figures.perPerson) return undefined;
        const derived = figures.figure.value;
        return (people, headcount) => {
            const newTarget = roundUpTarget((derived * headcount) / people);
            const edit = newTarget === null ? undefined : replaceNode(target.value, formatNumber(newTarget));
            return newTarget === null || !edit ? undefined : { edit, target: formatNumber(newTarget) };
        };
    }

    /** Lowers the one key result behind the KPI to what the actual pace gives, rounded down. */
    private lowerKeyResult(args: Args, add: (title: string, edit: WorkspaceEdit | undefined) => void): void {
        if (typeof args.keyResult !== 'string' || typeof args.achievableTarget !== 'number') return;
        const target = roundDownTarget(args.achievableTarget);
        if (target === null || target <= 0) return;
        const keyResult = this.declaration(args.keyResult, ast.isKeyResult);
        const clause = keyResult?.clauses.find(ast.isKeyResultTarget);
        if (clause?.rate?.amount) add(this.messages.fixWords().lowerKeyResult(args.keyResult, formatNumber(target)), replaceNode(clause.rate.amount, formatNumber(target)));
    }

    private declaration<T extends AstNode>(name: string, guard: (node: unknown) => node is T): T | undefined {
        const found = this.planWorkspace.current().declarations.get(name);
        return found?.length === 1 && guard(found[0].node) ? found[0].node : undefined;
    }
}

/** The innermost node of a kind at the start of a diagnostic's range. */
function nodeAt<T extends AstNode>(document: LangiumDocument, diagnostic: Diagnostic, guard: (node: unknown) => node is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
    let node: AstNode | undefined = leaf?.astNode;
    while (node && !guard(node)) node = node.$container;
    return node;
}

/** Replaces the text of a node; undefined when error recovery left the node (or its text) unset. */
function replaceNode(node: AstNode | undefined, text: string): WorkspaceEdit | undefined {
    const range = node?.$cstNode?.range;
    if (!node || !range) return undefined;
    return edit(AstUtils.getDocument(node).textDocument.uri, { range, newText: text });
}

function insertAt(document: LangiumDocument, position: Position, text: string): WorkspaceEdit {
    return edit(document.textDocument.uri, { range: { start: position, end: position }, newText: text });
}

/** One workspace edit from several (undefined ones are skipped). */
function merge(edits: (WorkspaceEdit | undefined)[]): WorkspaceEdit {
    const changes: Record<string, TextEdit[]> = {};
    for (const part of edits) {
        for (const [uri, textEdits] of Object.entries(part?.changes ?? {})) (changes[uri] ??= []).push(...textEdits);
    }
    return { changes };
}

function edit(uri: string, textEdit: TextEdit): WorkspaceEdit {
    return { changes: { [uri]: [textEdit] } };
}

/** Adds a clause to a stage, on its own line when the block spans lines, else inline before `}`. */
function insertClause(document: LangiumDocument, stage: ast.Stage, clause: string): WorkspaceEdit | undefined {
    const cst = stage.$cstNode;
    if (!cst) return undefined;
    const closing = GrammarUtils.findNodesForKeyword(cst, '}').at(-1);
    if (!closing) {
        const anchor = GrammarUtils.findNodeForProperty(cst, 'label') ?? GrammarUtils.findNodeForProperty(cst, 'name');
        return anchor ? insertAt(document, anchor.range.end, ` { ${clause} }`) : undefined;
    }
    const text = document.textDocument.getText();
    const lineStart = document.textDocument.offsetAt({ line: closing.range.start.line, character: 0 });
    const before = text.slice(lineStart, closing.offset);
    if (before.trim() === '' && closing.range.start.line > cst.range.start.line) {
        return insertAt(document, { line: closing.range.start.line, character: 0 }, `${before}  ${clause}\n`);
    }
    return insertAt(document, closing.range.start, `${before.endsWith(' ') ? '' : ' '}${clause} `);
}

/** Deletes a clause: its whole line when it stands alone on it, else the clause and the space before it. */
function removeClause(document: LangiumDocument, clause: AstNode): WorkspaceEdit | undefined {
    const cst = clause.$cstNode;
    if (!cst) return undefined;
    const text = document.textDocument;
    const line = cst.range.start.line;
    const lineText = text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    const alone = cst.range.end.line === line && lineText.trim() === cst.text.trim();
    const range = alone
        ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
        : { start: text.positionAt(Math.max(0, cst.offset - (text.getText().charAt(cst.offset - 1) === ' ' ? 1 : 0))), end: cst.range.end };
    return edit(text.uri, { range, newText: '' });
}

/** Declares a unit after this document's last unit declaration, or before its first declaration. */
function declareUnit(document: LangiumDocument, name: string): WorkspaceEdit | undefined {
    const plan = document.parseResult.value as ast.Plan;
    const units = plan.declarations.filter(ast.isUnitDeclaration);
    const lastUnit = units.at(-1)?.$cstNode;
    if (lastUnit) return insertAt(document, lastUnit.range.end, `\nunit ${name}`);
    const first = plan.declarations[0]?.$cstNode;
    const position = first ? { line: first.range.start.line, character: 0 } : { line: 0, character: 0 };
    return insertAt(document, position, `unit ${name}\n\n`);
}
