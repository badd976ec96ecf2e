/**
 * Completion (spec §7). Langium's default already proposes what the grammar allows at the cursor:
 * keywords, units after `output`/`needs`/`yields`/a rate's amount, stages as `Process.Stage` after
 * `of` (also after `Construction.` and for Cyrillic names), teams after a stage's `team`, time
 * units (and `person` in a KPI) after `per`, processes after `via`. What this class changes:
 *
 * - **Units after a number.** In `needs 200 |`, `target 10 |`, `capacity 40 |` the default looked
 *   the unit reference up on the number's AST node and proposed nothing; the reference is now
 *   looked up on the clause that holds it.
 * - **The unit that fits first.** Where the plan says which unit belongs (a stage's `cadence` and
 *   `capacity` take its output; `needs N <previous output> per <this output>`; `yields N <this
 *   output> per <previous output>`; a key result's target takes the output of the process it goes
 *   `via`), that unit is sorted first and preselected. The others stay proposed: the plan may be
 *   half written.
 * - **Clauses that may not come again are not proposed.** A clause the validator would reject as
 *   repeated (`duplicate-clause`: a second `output`, `team`, `owner`, flow clause, …) is left
 *   out, as are flow clauses on the first stage of a process (`flow-on-first-stage`), a third
 *   `workdays`, and `calendar`/`policy` when the workspace has one already.
 * - **In a scenario** (spec §9), each block proposes the clauses its kind may change, less those
 *   it has, and no flow clause on a process's first stage; the names of a block's declaration
 *   leave out those another block of the scenario names already (`duplicate-clause`), and
 *   `extends` does not propose the scenario itself.
 * - **A detail that says what a name is**: the declaration's label, or its kind (`Stage`, in the
 *   editor's language).
 * - **`.` triggers completion**, so `of Construction.` lists that process's stages; after a
 *   number (`2.`, `2..`) nothing is proposed.
 *
 * Matching of the typed prefix uses {@link OkrFuzzyMatcher} (case folding in every script).
 */
import { AstUtils, GrammarAST, GrammarUtils, type AstNode, type AstNodeDescription, type IndexManager, type LangiumDocuments, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionProviderOptions, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionList, type CancellationToken, type CompletionParams } from 'vscode-languageserver';
import type { LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import type { HoverWords, Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';

/** Clauses a block may hold more than once. */
const REPEATABLE = new Set<string>([ast.Actual.$type, ast.Stage.$type, ast.KeyResult.$type, ast.Milestone.$type, ast.Holiday.$type]);
/** Flow clauses: a stage holds one of them at most, the first stage none. */
const FLOW = new Set<string>([ast.Needs.$type, ast.Yields.$type, ast.Conversion.$type]);
/** Blocks whose clauses are written between braces. */
const BLOCKS = new Set<string>([
    ast.Calendar.$type, ast.Policy.$type, ast.Team.$type, ast.Objective.$type, ast.KeyResult.$type,
    ast.Process.$type, ast.Stage.$type, ast.Kpi.$type,
    ast.ScenarioTeam.$type, ast.ScenarioKeyResult.$type, ast.ScenarioStage.$type, ast.ScenarioKpi.$type, ast.ScenarioProcess.$type
]);
/** The blocks of a scenario that name a declaration, and the property holding the name. */
const SCENARIO_BLOCKS: Record<string, string> = {
    [ast.ScenarioTeam.$type]: 'team',
    [ast.ScenarioKeyResult.$type]: 'keyResult',
    [ast.ScenarioStage.$type]: 'stage',
    [ast.ScenarioKpi.$type]: 'kpi',
    [ast.ScenarioProcess.$type]: 'process'
};
/** The key of each declaration type among the words for kinds of declaration (localised). */
const KIND_KEYS: Record<string, keyof HoverWords['kinds']> = {
    [ast.UnitDeclaration.$type]: 'unit',
    [ast.Team.$type]: 'team',
    [ast.Process.$type]: 'process',
    [ast.Stage.$type]: 'stage',
    [ast.Objective.$type]: 'objective',
    [ast.KeyResult.$type]: 'keyresult',
    [ast.Kpi.$type]: 'kpi'
};
const VIA_IN_TEXT = /\bvia\s+([_\p{L}][_\p{L}\p{M}\p{N}]*)/u;
const NAME_BEFORE_DOT = /[_\p{L}][_\p{L}\p{M}\p{N}]*\.$/u;

type BlockNode = AstNode & { clauses?: AstNode[] };

export class OkrCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: ['.'] };
    private readonly langiumDocuments: LangiumDocuments;
    private readonly indexManager: IndexManager;
    private readonly messages: Messages;

    constructor(services: OkrServices) {
        super(services);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
        this.indexManager = services.shared.workspace.IndexManager;
        this.messages = services.i18n.Messages;
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const text = document.textDocument.getText();
        const offset = document.textDocument.offsetAt(params.position);
        // A dot that does not follow a name belongs to a number or a range: nothing to propose.
        if (text[offset - 1] === '.' && !NAME_BEFORE_DOT.test(text.slice(Math.max(0, offset - 200), offset))) {
            return CompletionList.create([], false);
        }
        return super.getCompletion(document, params, cancelToken);
    }

    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor) {
        const holder = this.referenceHolder(context.node, next);
        const taken = scenarioNamesTaken(holder ?? context.node, next, context.tokenOffset);
        const filtered: CompletionAcceptor = (ctx, value) => {
            const name = 'nodeDescription' in value && value.nodeDescription ? value.nodeDescription.name : value.label;
            if (!taken.has(String(name))) acceptor(ctx, value);
        };
        return super.completionForCrossReference({ ...context, node: holder }, next, taken.size > 0 ? filtered : acceptor);
    }

    /**
     * The AST node that holds the reference being completed. The default takes the node of the
     * token before the cursor, which after `needs 200 ` is the number, not the `needs` clause.
     */
    private referenceHolder(node: AstNode | undefined, next: NextFeature<GrammarAST.CrossReference>): AstNode | undefined {
        if (!node || next.type) return node; // a new element: the default builds it under `node`
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (!rule) return node;
        const type = GrammarUtils.getRuleTypeName(rule);
        for (let current: AstNode | undefined = node; current; current = current.$container) {
            if (this.astReflection.isSubtype(current.$type, type)) return current;
        }
        return node;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const label = (description.node as { label?: unknown } | undefined)?.label;
        const kind = KIND_KEYS[description.type];
        item.detail = typeof label === 'string' && label ? label : kind ? this.messages.hoverWords().kinds[kind] : description.type;
        if (description.type === ast.UnitDeclaration.$type) {
            const fitting = this.fittingUnits(refInfo);
            // References sort as '0' and keywords as '1'; a unit that does not fit goes between.
            if (fitting.includes(description.name)) item.preselect = true;
            else if (fitting.length > 0) item.sortText = '0~';
        }
        return item;
    }

    /** The unit names the plan says belong where a unit reference is being written. */
    private fittingUnits(refInfo: ReferenceInfo): string[] {
        const holder = refInfo.container;
        const property = refInfo.property;
        const fits: Array<string | undefined> = [];
        if (ast.isNeeds(holder) || ast.isYields(holder)) {
            const stage = stageOf(holder);
            const own = outputOf(stage);
            const previous = outputOf(previousStage(stage));
            const wantsOwn = ast.isNeeds(holder) ? property === 'perUnit' : property === 'unit';
            fits.push(wantsOwn ? own : previous);
        } else if (ast.isRate(holder)) {
            const clause = holder.$container as AstNode | undefined;
            if (ast.isCadence(clause) || ast.isCapacity(clause)) {
                fits.push(outputOf(stageOf(clause)));
            } else if (ast.isKeyResultTarget(clause)) {
                const holder = clause.$container;
                const keyResult = ast.isScenarioKeyResult(holder) ? holder.keyResult?.ref : holder;
                const stages = this.viaProcess(keyResult)?.clauses.filter(ast.isStage) ?? [];
                fits.push(outputOf(stages[stages.length - 1]));
            }
        }
        return fits.filter((unit): unit is string => !!unit);
    }

    /**
     * The process a key result goes `via`. While its target is half written the parser may not
     * have read the `via` clause after it, so the clause is then looked for in the text.
     */
    private viaProcess(keyResult: ast.KeyResult | undefined): ast.Process | undefined {
        if (!keyResult) return undefined;
        const via = keyResult.clauses.find(ast.isVia);
        if (via?.process?.ref) return via.process.ref;
        const name = via?.process?.$refText || VIA_IN_TEXT.exec(keyResult.$cstNode?.text ?? '')?.[1];
        if (!name) return undefined;
        const description = this.indexManager.allElements(ast.Process.$type).find(candidate => candidate.name === name);
        return ast.isProcess(description?.node) ? description.node : undefined;
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return super.filterKeyword(context, keyword) && !this.isExcludedClause(context, keyword);
    }

    /** Whether `keyword` starts a clause or declaration that may not be written here again. */
    private isExcludedClause(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        // Contextual keywords (spec §8) are also names; where a name is written they are not proposed.
        if (rule?.name === 'Name') return true;
        if (!rule || firstKeyword(rule) !== keyword) return false;
        const type = GrammarUtils.getRuleTypeName(rule);
        const block = this.openBlockAt(context);
        const scenario = block ? undefined : this.openScenarioAt(context);
        if (scenario) {
            // A scenario's own calendar and policy blocks, once each, whatever the workspace has.
            if (type !== ast.Calendar.$type && type !== ast.Policy.$type) return false;
            return scenario.blocks.some(other => other.$type === type && !containsOffset(other, context.tokenOffset));
        }
        if (!block) {
            if (type === ast.Calendar.$type || type === ast.Policy.$type) return this.workspaceHas(type, context);
            return false;
        }
        if (REPEATABLE.has(type)) return false;
        const others = (block.clauses ?? []).filter(clause => !containsOffset(clause, context.tokenOffset));
        if (ast.isStage(block) && FLOW.has(type)) {
            return previousStage(block) === undefined || others.some(clause => FLOW.has(clause.$type));
        }
        if (ast.isScenarioStage(block) && FLOW.has(type)) {
            const stage = block.stage?.ref;
            return (stage !== undefined && previousStage(stage) === undefined) || others.some(clause => FLOW.has(clause.$type));
        }
        const same = others.filter(clause => clause.$type === type);
        if (ast.isCalendar(block)) return same.length >= 2; // workdays per month and per week
        return same.length > 0;
    }

    /** The innermost declaration block whose braces enclose the cursor. */
    private openBlockAt(context: CompletionContext): BlockNode | undefined {
        for (let node: AstNode | undefined = context.node; node; node = node.$container) {
            if (BLOCKS.has(node.$type) && encloses(node, context.offset)) return node as BlockNode;
        }
        return undefined;
    }

    /** The scenario whose braces enclose the cursor, when no block inside it does. */
    private openScenarioAt(context: CompletionContext): ast.Scenario | undefined {
        for (let node: AstNode | undefined = context.node; node; node = node.$container) {
            if (ast.isScenario(node)) return encloses(node, context.offset) ? node : undefined;
        }
        return undefined;
    }

    /** Whether a calendar or policy block is declared elsewhere in the workspace. */
    private workspaceHas(type: string, context: CompletionContext): boolean {
        return this.langiumDocuments.all.some(document => ((document.parseResult.value as ast.Plan).declarations ?? [])
            .some(declaration => declaration.$type === type
                && !(document.uri.toString() === context.document.uri.toString() && containsOffset(declaration, context.tokenOffset))));
    }
}

/**
 * Names a scenario's reference should not propose: for a block's declaration, those other blocks
 * of the same kind in the scenario name already; for `extends`, the scenario itself.
 */
function scenarioNamesTaken(node: AstNode | undefined, next: NextFeature<GrammarAST.CrossReference>, offset: number): Set<string> {
    const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
    const type = rule ? GrammarUtils.getRuleTypeName(rule) : undefined;
    const scenario = node && AstUtils.getContainerOfType(node, ast.isScenario);
    if (!scenario || !type) return new Set();
    if (type === ast.ScenarioExtends.$type) return new Set(scenario.name ? [scenario.name] : []);
    const property = SCENARIO_BLOCKS[type];
    if (!property) return new Set();
    const names = scenario.blocks
        .filter(block => block.$type === type && !containsOffset(block, offset))
        .map(block => (block as unknown as Record<string, { $refText?: string } | undefined>)[property]?.$refText)
        .filter((name): name is string => !!name);
    return new Set(names);
}

/** The keyword a rule starts with, if it starts with one. */
function firstKeyword(rule: GrammarAST.ParserRule): GrammarAST.Keyword | undefined {
    const definition = rule.definition;
    if (GrammarAST.isKeyword(definition)) return definition;
    if (GrammarAST.isGroup(definition)) {
        const first = definition.elements.find(element => !GrammarAST.isAction(element));
        return GrammarAST.isKeyword(first) ? first : undefined;
    }
    return undefined;
}

function containsOffset(node: AstNode, offset: number): boolean {
    const cst = node.$cstNode;
    return cst !== undefined && cst.offset <= offset && offset < cst.end;
}

/** Whether `offset` lies after the block's `{` and not after its `}`. */
function encloses(node: AstNode, offset: number): boolean {
    const cst = node.$cstNode;
    if (!cst) return false;
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    if (!open || open.end > offset) return false;
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    return !close || offset <= close.offset;
}

/** The stage a clause belongs to, or in a scenario the stage its block names. */
function stageOf(clause: AstNode): ast.Stage | undefined {
    const scenarioStage = AstUtils.getContainerOfType(clause, ast.isScenarioStage);
    return scenarioStage ? scenarioStage.stage?.ref : AstUtils.getContainerOfType(clause, ast.isStage);
}

function outputOf(stage: ast.Stage | undefined): string | undefined {
    const output = stage?.clauses.find(ast.isOutput);
    return output?.unit?.$refText || undefined;
}

function previousStage(stage: ast.Stage | undefined): ast.Stage | undefined {
    if (!stage?.$container) return undefined;
    const stages = stage.$container.clauses.filter(ast.isStage);
    const index = stages.indexOf(stage);
    return index > 0 ? stages[index - 1] : undefined;
}
