/**
 * One document's share of the plan: its declarations and the engine inputs they give, read
 * straight from the syntax tree. A fragment depends on nothing but its own document (references
 * are kept as the names written), so it is cached per document and rebuilt only when that
 * document changes; names are resolved across the workspace later (plan-workspace.ts).
 */
import type { ActualInput, FlowInput, KeyResultTargetInput, QuantityWhat, KeyResultInput, KpiInput, ObjectiveInput, ProcessInput, QuantityInput, RateInput, StageInput, TeamInput, TimeUnit } from '@okr-plan/engine';
import type { AstNode, LangiumDocument, Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { memberName } from '../references/okr-names.js';
import { clauseKeywords } from '../parser/block-keywords.js';
import { nearest } from '../references/nearest-names.js';
import { readQuantity, type QuantityShape } from './quantities.js';
import type { PlanFinding, ShapeArgs } from './plan-findings.js';
import type { Site } from './site.js';
import { readScenario } from './scenario-fragment.js';
import type { CalendarFragment, DeclarationKind, PlanFragment, PolicyFragment } from './fragment-types.js';
import { blockKind, NAME_TOKEN, unknownTokens } from './unknown-words.js';

export * from './fragment-types.js';

export const NUMBER: QuantityShape = { kind: 'number', range: false };
export const NUMBER_OR_RANGE: QuantityShape = { kind: 'number', range: true };
export const PERCENT: QuantityShape = { kind: 'percent', range: false };
export const PERCENT_OR_RANGE: QuantityShape = { kind: 'percent', range: true };

export function buildPlanFragment(document: LangiumDocument): PlanFragment {
    const { parserErrors, lexerErrors } = document.parseResult;
    const errorOffsets = [...parserErrors.map(error => error.token.startOffset), ...lexerErrors.map(error => error.offset)].filter(Number.isFinite);
    return new FragmentBuilder(document.uri.toString(), errorOffsets).build(document.parseResult.value as ast.Plan);
}

/** What a scenario's reader borrows from the document's: numbers, clauses and unknown words read the same way. */
export type ClauseReader = Pick<FragmentBuilder, 'unknown' | 'readCalendar' | 'readPolicy' | 'quantity' | 'target' | 'rate' | 'ratioFlow' | 'repeated' | 'report'>;

class FragmentBuilder {
    private readonly fragment: PlanFragment;

    /** `errorOffsets`: where the lexer and the parser found errors in the document. */
    constructor(uri: string, private readonly errorOffsets: number[] = []) {
        this.fragment = { uri, declarations: [], units: [], calendars: [], policies: [], teams: [], objectives: [], processes: [], keyResults: [], kpis: [], findings: [], broken: new Set(), mentioned: new Set() };
    }

    build(plan: ast.Plan): PlanFragment {
        for (const declaration of plan.declarations ?? []) {
            this.markSyntaxErrors(declaration);
            switch (declaration.$type) {
                case 'Unknown': this.unknown(declaration); break;
                case 'UnitDeclaration': this.unit(declaration); break;
                case 'Calendar': this.fragment.calendars.push(this.readCalendar(declaration)); break;
                case 'Policy': this.fragment.policies.push(this.readPolicy(declaration)); break;
                case 'Team': this.team(declaration); break;
                case 'Objective': this.objective(declaration); break;
                case 'Process': this.process(declaration); break;
                case 'Kpi': this.kpi(declaration); break;
                case 'Scenario':
                    if (this.declare(declaration.name, 'scenario', declaration)) (this.fragment.scenarios ??= []).push(readScenario(declaration, declaration.name, this));
                    break;
            }
        }
        // The engine derives nothing from what a syntax error broke (unknown words are found while reading).
        const { broken } = this.fragment;
        for (const process of this.fragment.processes) {
            if (broken.has(process.nameSite.node)) process.broken = true;
            for (const stage of process.stages) if (broken.has(stage.nameSite.node)) stage.broken = true;
        }
        for (const keyResult of this.fragment.keyResults) if (broken.has(keyResult.nameSite.node)) keyResult.broken = true;
        for (const team of this.fragment.teams) if (broken.has(team.nameSite.node)) team.broken = true;
        for (const kpi of this.fragment.kpis) if (broken.has(kpi.nameSite.node)) kpi.broken = true;
        return this.fragment;
    }

    /**
     * Marks a declaration broken when a syntax error lies inside it but not inside one of its
     * stages or key results (those are marked on their own).
     */
    private markSyntaxErrors(node: AstNode): void {
        const inside = (candidate: AstNode, offset: number) => {
            const cst = candidate.$cstNode;
            return cst !== undefined && cst.offset < offset && offset <= cst.end;
        };
        const members = ast.isProcess(node) || ast.isObjective(node) ? (node.clauses as AstNode[]).filter(clause => ast.isStage(clause) || ast.isKeyResult(clause)) : [];
        for (const offset of this.errorOffsets) {
            if (!inside(node, offset)) continue;
            const member = members.find(candidate => inside(candidate, offset));
            this.fragment.broken.add(member ?? node);
        }
    }

    /**
     * A word where a keyword belongs: one parse-error on it naming the nearest keyword the block
     * takes, and the block it stands in is broken (its numbers are not trusted).
     */
    unknown(node: ast.Unknown): void {
        const block = node.$container;
        if (block && !ast.isPlan(block)) this.fragment.broken.add(block);
        for (const token of unknownTokens(node)) if (NAME_TOKEN.test(token)) this.fragment.mentioned.add(token);
        const keywords = clauseKeywords(block?.$type ?? 'Plan');
        const [suggestion] = node.word ? nearest(node.word, keywords, 1) : [];
        this.fragment.findings.push({
            code: 'parse-error',
            severity: 'error',
            site: { node, property: 'word' },
            args: { word: node.word ?? '', block: blockKind(block), keywords: keywords.join(', '), suggestion }
        });
    }

    private declare(name: string | undefined, kind: DeclarationKind, node: AstNode): name is string {
        if (!name) return false; // a declaration the parser could not complete
        this.fragment.declarations.push({ name, kind, node });
        return true;
    }

    private unit(node: ast.UnitDeclaration): void {
        if (this.declare(node.name, 'unit', node)) {
            this.fragment.units.push({ name: node.name, label: node.label, site: { node, property: 'name' } });
        }
    }

    readCalendar(node: ast.Calendar): CalendarFragment {
        const calendar: CalendarFragment = { node, holidays: [] };
        const seen = new Set<string>();
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (ast.isHoliday(clause)) {
                if (clause.from) calendar.holidays.push({ from: clause.from, to: clause.to, site: { node: clause } });
                continue;
            }
            if (!clause.count) continue;
            if (!clause.per) continue; // half written: the parser says what is missing
            if (clause.per !== 'month' && clause.per !== 'week') {
                this.invalid(clause, { what: 'workdays', reason: 'workdays-period', per: clause.per as TimeUnit });
                continue;
            }
            if (this.repeated(seen, clause.per, clause)) continue;
            const count = this.quantity(clause.count, NUMBER, 'workdays');
            if (clause.per === 'month') calendar.workdaysPerMonth = count;
            else calendar.workdaysPerWeek = count;
        }
        return calendar;
    }

    readPolicy(node: ast.Policy): PolicyFragment {
        const policy: PolicyFragment = { node };
        const seen = new Set<string>();
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (!clause.value || this.repeated(seen, clause.$type, clause)) continue;
            const what = ast.isTolerance(clause) ? 'tolerance' : ast.isOfftrack(clause) ? 'offtrack' : 'uncertainty';
            const value = this.quantity(clause.value, PERCENT, what);
            policy[what] = value;
        }
        return policy;
    }

    private team(node: ast.Team): void {
        if (!this.declare(node.name, 'team', node)) return;
        const team: TeamInput<Site> = { name: node.name, label: node.label, nameSite: { node, property: 'name' } };
        const seen = new Set<string>();
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (this.repeated(seen, clause.$type, clause)) continue;
            if (ast.isHeadcount(clause) && clause.value) team.headcount = this.quantity(clause.value, NUMBER, 'headcount');
            if (ast.isAvailability(clause) && clause.value) team.availability = this.quantity(clause.value, PERCENT, 'availability');
        }
        this.fragment.teams.push(team);
    }

    private objective(node: ast.Objective): void {
        if (!this.declare(node.name, 'objective', node)) return;
        this.repeatedOwners(node.clauses);
        const objective: ObjectiveInput<Site> = { name: node.name, label: node.label, nameSite: { node, property: 'name' } };
        const seen = new Set<string>();
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (ast.isKeyResult(clause)) this.keyResult(node.name, clause);
            if (ast.isObjectivePeriod(clause) && !this.repeated(seen, clause.$type, clause) && clause.from) {
                objective.period = { from: clause.from, to: clause.to, site: { node: clause } };
            }
        }
        this.fragment.objectives.push(objective);
    }

    private keyResult(objective: string, node: ast.KeyResult): void {
        const name = node.name ? memberName(objective, node.name) : undefined;
        if (!this.declare(name, 'keyresult', node)) return;
        const keyResult: KeyResultInput<Site> = { name, label: node.label, objective, actuals: [], milestones: [], nameSite: { node, property: 'name' } };
        const seen = new Set<string>();
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (ast.isActual(clause)) {
                this.actual(clause, keyResult.actuals);
                continue;
            }
            if (ast.isMilestone(clause)) {
                if (clause.period && clause.value) keyResult.milestones?.push({ period: clause.period, value: this.quantity(clause.value, NUMBER, 'milestone'), site: { node: clause } });
                continue;
            }
            if (this.repeated(seen, clause.$type, clause)) continue;
            if (ast.isKeyResultTarget(clause) && clause.rate) keyResult.target = this.target(clause.rate, clause);
            if (ast.isVia(clause)) keyResult.via = { process: refName(clause.process), site: { node: clause } };
        }
        this.fragment.keyResults.push(keyResult);
    }

    private process(node: ast.Process): void {
        if (!this.declare(node.name, 'process', node)) return;
        this.repeatedOwners(node.clauses);
        const process: ProcessInput<Site> = {
            name: node.name,
            label: node.label,
            nonstandard: node.clauses.some(ast.isNonstandard),
            stages: [],
            nameSite: { node, property: 'name' }
        };
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (ast.isStage(clause)) {
                const stage = this.stage(node.name, clause);
                if (stage) process.stages.push(stage);
            }
        }
        this.fragment.processes.push(process);
    }

    private stage(processName: string, node: ast.Stage): StageInput<Site> | undefined {
        const name = node.name ? memberName(processName, node.name) : undefined;
        if (!this.declare(name, 'stage', node)) return undefined;
        const stage: StageInput<Site> = {
            name,
            label: node.label,
            output: undefined,
            nonstandard: false,
            nameSite: { node, property: 'name' }
        };
        const seen = new Set<string>();
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (ast.isNonstandard(clause)) {
                stage.nonstandard = true;
                continue;
            }
            const isFlow = ast.isNeeds(clause) || ast.isYields(clause) || ast.isConversion(clause);
            if (this.repeated(seen, isFlow ? 'flow' : clause.$type, clause, isFlow ? 'flow' : undefined)) {
                // Two flow clauses leave the stage's link to the previous one ambiguous.
                if (isFlow) stage.broken = true;
                continue;
            }
            switch (clause.$type) {
                case 'Output':
                    stage.output = refName(clause.unit);
                    stage.outputSite = { node: clause };
                    break;
                case 'StageTeam':
                    stage.team = {
                        team: refName(clause.team),
                        share: clause.share ? this.quantity(clause.share, PERCENT, 'share') : undefined,
                        site: { node: clause }
                    };
                    break;
                case 'Needs':
                case 'Yields':
                    stage.flow = this.ratioFlow(clause);
                    break;
                case 'Conversion':
                    if (clause.rate) stage.flow = { kind: 'conversion', rate: this.quantity(clause.rate, PERCENT_OR_RANGE, 'conversion'), site: { node: clause } };
                    break;
                case 'Cadence':
                    if (clause.rate) stage.cadence = this.rate(clause.rate, clause, 'cadence');
                    break;
                case 'Capacity':
                    if (clause.rate) stage.capacity = this.rate(clause.rate, clause, 'capacity');
                    break;
            }
        }
        return stage;
    }

    ratioFlow(clause: ast.Needs | ast.Yields): FlowInput<Site> | undefined {
        if (!clause.amount) return undefined;
        return {
            kind: clause.$type === 'Needs' ? 'needs' : 'yields',
            amount: this.quantity(clause.amount, NUMBER_OR_RANGE, clause.$type === 'Needs' ? 'needs' : 'yields'),
            unit: refName(clause.unit),
            perUnit: refName(clause.perUnit),
            site: { node: clause }
        };
    }

    private kpi(node: ast.Kpi): void {
        if (!this.declare(node.name, 'kpi', node)) return;
        const kpi: KpiInput<Site> = { name: node.name, label: node.label, actuals: [], nameSite: { node, property: 'name' } };
        const seen = new Set<string>();
        for (const clause of node.clauses) {
            if (ast.isUnknown(clause)) {
                this.unknown(clause);
                continue;
            }
            if (ast.isActual(clause)) {
                this.actual(clause, kpi.actuals);
                continue;
            }
            if (this.repeated(seen, clause.$type, clause)) continue;
            if (ast.isKpiOf(clause)) kpi.of = { stage: refName(clause.stage), site: { node: clause } };
            if (ast.isKpiPer(clause) && clause.timeUnit) kpi.per = { perPerson: clause.perPerson, timeUnit: clause.timeUnit as TimeUnit, site: { node: clause } };
            // A badly written target reaches the engine as NaN: reported here, it leaves the KPI without a plan.
            if (ast.isKpiTarget(clause) && clause.value) kpi.target = { value: this.quantity(clause.value, NUMBER, 'kpi-target').low, site: { node: clause } };
        }
        this.fragment.kpis.push(kpi);
    }

    private actual(node: ast.Actual, into: ActualInput<Site>[]): void {
        if (!node.period || !node.value) return;
        const value = this.quantity(node.value, NUMBER, 'actual');
        // A badly written actual is reported already and left out of the figures.
        if (Number.isFinite(value.low)) into.push({ period: node.period, value: value.low, cause: node.cause, site: { node } });
    }

    /** A rate target, or without `per` a total, which is one number (spec §8). */
    target(rate: ast.Rate, clause: AstNode): KeyResultTargetInput<Site> | undefined {
        if (!rate.amount) return undefined;
        const per = (rate.per as TimeUnit | undefined) ?? null;
        // A rate half typed (`target 1.. house month`) is not a total: the parser says what is wrong.
        const cst = clause.$cstNode;
        if (per === null && cst && this.errorOffsets.some(offset => offset >= cst.offset && offset <= cst.end + 1)) return undefined;
        return { amount: this.quantity(rate.amount, per ? NUMBER_OR_RANGE : NUMBER, 'key-result-target'), unit: refName(rate.unit), per, site: { node: clause } };
    }

    rate(rate: ast.Rate, clause: AstNode, what: QuantityWhat): RateInput<Site> | undefined {
        if (!rate.amount || !rate.per) return undefined;
        return { amount: this.quantity(rate.amount, NUMBER_OR_RANGE, what), unit: refName(rate.unit), per: rate.per as TimeUnit, site: { node: clause } };
    }

    /**
     * Reads a number for the engine; `what` names it in messages (the engine's invalid-quantity
     * `what`). An incomplete number (a syntax error the parser reports) reaches the engine as
     * NaN: the clause is there but gives no figure, and no second message is added.
     */
    quantity(node: ast.Quantity, shape: QuantityShape, what: QuantityWhat): QuantityInput<Site> {
        // A number's findings sit on the clause holding it (spec §5): `headcount 0`, not `0`.
        const clause = ast.isRate(node.$container) ? node.$container.$container : node.$container;
        const read = readQuantity(node, shape, { node: clause });
        if (!read) return { low: Number.NaN, high: Number.NaN, site: { node: clause } };
        if (read.problem) this.invalid(clause, { what, reason: read.problem });
        return read.quantity;
    }

    /** A finding visible from this document alone. */
    report(finding: PlanFinding): void {
        this.fragment.findings.push(finding);
    }

    /** A number written in a shape its clause does not take (see quantities.ts). */
    private invalid(node: AstNode, args: ShapeArgs): void {
        this.fragment.findings.push({ code: 'invalid-quantity', severity: 'error', site: { node }, args });
    }

    /** Records a clause kind; reports `duplicate-clause` and returns true when it was seen before. */
    repeated(seen: Set<string>, kind: string, clause: AstNode, name?: string): boolean {
        if (!seen.has(kind)) {
            seen.add(kind);
            return false;
        }
        const keyword = name ?? clause.$cstNode?.text.split(/\s/, 1)[0] ?? kind;
        this.fragment.findings.push({ code: 'duplicate-clause', severity: 'error', site: { node: clause }, args: { clause: keyword } });
        return true;
    }

    private repeatedOwners(clauses: AstNode[]): void {
        const seen = new Set<string>();
        for (const clause of clauses) {
            if (ast.isOwner(clause)) this.repeated(seen, 'Owner', clause);
        }
    }
}

function refName(reference: Reference | undefined): string | null {
    return reference?.$refText || null;
}
