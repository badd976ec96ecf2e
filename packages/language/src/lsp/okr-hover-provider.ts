/**
 * Hovers (spec §7): on a KPI, stage, key result, team or unit — at its declaration or at any
 * reference to it — the derived figure, its range, the derivation step by step, the target a
 * manager would set, the latest actual against plan, and the documentation comment.
 * Computed only for the node asked about, from the cached workspace plan.
 */
import { formatNumber, formatPercent, type ActualFigures, type KpiFigures } from '@okr-plan/engine';
import type { AstNode, DocumentationProvider, LangiumDocuments } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import * as ast from '../generated/ast.js';
import type { Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';
import { explainKpi, explainStage, showFigure, type ExplainContext } from '../plan/plan-explanation.js';
import { stageFiguresNamed, type PlanWorkspace, type WorkspacePlan } from '../plan/plan-workspace.js';
import { keyResultSections, kpiProgressSections } from './okr-progress-hover.js';
import { scenarioHoverSections } from './okr-scenario-hover.js';

export class OkrHoverProvider extends AstNodeHoverProvider {
    private readonly planWorkspace: PlanWorkspace;
    private readonly messages: Messages;
    private readonly documentation: DocumentationProvider;
    private readonly langiumDocuments: LangiumDocuments;

    constructor(services: OkrServices) {
        super(services);
        this.planWorkspace = services.plan.PlanWorkspace;
        this.messages = services.i18n.Messages;
        this.documentation = services.documentation.DocumentationProvider;
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        const plan = this.planWorkspace.current();
        const sections = this.sectionsFor(node, plan);
        if (sections === undefined) return undefined;
        const doc = this.documentation.getDocumentation(node);
        if (doc) sections.push('---', doc);
        return sections.join('\n\n');
    }

    private sectionsFor(node: AstNode, plan: WorkspacePlan): string[] | undefined {
        const context: ExplainContext = { messages: this.messages, unitLabels: plan.unitLabels, calendar: plan.analysis.calendar, stages: plan.analysis.stages };
        if (ast.isKpi(node)) return this.kpi(node, plan, context);
        if (ast.isStage(node)) return this.stage(node, plan, context);
        if (ast.isKeyResult(node)) return this.keyResult(node, plan);
        if (ast.isTeam(node)) return this.team(node, plan);
        if (ast.isUnitDeclaration(node)) return this.unit(node, plan);
        if (ast.isScenario(node)) return scenarioHoverSections(node, plan, this.planWorkspace, this.langiumDocuments, this.messages, escape);
        if (ast.isProcess(node) || ast.isObjective(node)) return [this.title(ast.isProcess(node) ? 'process' : 'objective', node.name, node.label)];
        return undefined;
    }

    private title(kind: keyof ReturnType<Messages['hoverWords']>['kinds'], name: string | undefined, label: string | undefined): string {
        const words = this.messages.hoverWords();
        return `**${words.kinds[kind]} ${escape(name ?? '')}**${label ? ` — ${escape(label)}` : ''}`;
    }

    private kpi(node: ast.Kpi, plan: WorkspacePlan, context: ExplainContext): string[] {
        const words = this.messages.hoverWords();
        const sections = [this.title('kpi', node.name, node.label)];
        const kpi = plan.figuresOf.kpis.get(node);
        if (!kpi) return sections;
        if (kpi.figure) {
            const unit = this.kpiUnit(kpi, plan);
            const parts = [`**≈ ${formatNumber(kpi.figure.value)} ${escape(unit)}**`];
            if (kpi.figure.low !== kpi.figure.high) parts.push(`${words.range} ${formatNumber(kpi.figure.low)}–${formatNumber(kpi.figure.high)}`);
            const every = this.messages.every(kpi.figure.value, kpi.timeUnit, kpi.outputUnit, plan.unitLabels, plan.analysis.calendar);
            if (every) parts.push(escape(every));
            if (kpi.suggestedTarget !== null) parts.push(words.setTarget(formatNumber(kpi.suggestedTarget)));
            sections.push(parts.join(' · '));
            const stage = stageFiguresNamed(plan, kpi.stage);
            const team = stage?.team ? plan.input.teams.find(candidate => candidate.name === stage.team) : undefined;
            const steps = explainKpi(kpi, stage, team && { headcount: team.headcount?.low ?? null, availability: team.availability?.low ?? 1 }, context);
            if (steps.length > 0) sections.push(`**${words.derivation}**\n\n${steps.map(step => `- ${escape(step)}`).join('\n')}`);
        } else {
            sections.push(words.notDerived);
        }
        const tracking: string[] = [];
        if (kpi.target !== null) tracking.push(words.handSetTarget(formatNumber(kpi.target)));
        if (kpi.latestActual) tracking.push(this.actualLine(kpi.latestActual, kpi.plan, false));
        if (tracking.length > 0) sections.push(tracking.join(' · '));
        sections.push(...kpiProgressSections(this.messages, kpi));
        return sections;
    }

    private stage(node: ast.Stage, plan: WorkspacePlan, context: ExplainContext): string[] {
        const words = this.messages.hoverWords();
        const stage = plan.figuresOf.stages.get(node);
        const sections = [this.title('stage', stage?.name ?? node.name, node.label)];
        if (!stage?.perMonth) {
            sections.push(words.notDerived);
            return sections;
        }
        const label = stage.unit === null ? '' : plan.unitLabels.get(stage.unit) ?? stage.unit;
        const parts = [`**${showFigure(stage.perMonth)} ${escape(this.messages.rateUnit(label, false, 'month'))}**`];
        if (stage.perPersonPerDay && stage.effectiveHeadcount !== null) {
            const headcount = plan.input.teams.find(team => team.name === stage.team)?.headcount?.low ?? null;
            parts.push(escape(words.perPerson(`${showFigure(stage.perPersonPerDay)} ${this.messages.rateUnit(label, true, 'day')}`, stage.team ?? '', headcount !== null && Number.isFinite(headcount) ? headcount : null, stage.effectiveHeadcount)));
        }
        sections.push(parts.join(' · '));
        const steps = explainStage(stage, context);
        if (steps.length > 0) sections.push(`**${words.derivation}**\n\n${steps.map(step => `- ${escape(step)}`).join('\n')}`);
        return sections;
    }

    private keyResult(node: ast.KeyResult, plan: WorkspacePlan): string[] {
        const words = this.messages.hoverWords();
        const keyResult = plan.figuresOf.keyResults.get(node);
        const sections = [this.title('keyresult', keyResult?.name ?? node.name, node.label)];
        if (!keyResult?.target || keyResult.unit === null) {
            if (!node.clauses.some(ast.isKeyResultTarget)) sections.push(words.qualitative);
            return sections;
        }
        // Target, period, progress against expected, status, the latest check-ins, trend and projection (spec §8).
        sections.push(...keyResultSections(this.messages, keyResult, plan, escape));
        return sections;
    }

    private team(node: ast.Team, plan: WorkspacePlan): string[] {
        const words = this.messages.hoverWords();
        const sections = [this.title('team', node.name, node.label)];
        const team = plan.input.teams.find(candidate => candidate.nameSite.node === node);
        const facts: string[] = [];
        if (team?.headcount && Number.isFinite(team.headcount.low)) facts.push(words.headcount(formatNumber(team.headcount.low)));
        if (team?.availability && Number.isFinite(team.availability.low)) facts.push(words.availability(formatNumber(team.availability.low * 100)));
        if (facts.length > 0) sections.push(facts.join(' · '));
        const stages = plan.analysis.stages.filter(stage => stage.team === node.name);
        if (stages.length > 0) {
            const lines = stages.map(stage => {
                const share = stage.share === null ? '' : ` ${formatNumber(stage.share * 100)}%`;
                const effective = stage.effectiveHeadcount === null ? '' : `, ${words.effective(formatNumber(stage.effectiveHeadcount))}`;
                return `- ${escape(stage.name)}${share}${effective}`;
            });
            sections.push(`${words.worksOn}:\n\n${lines.join('\n')}`);
        }
        return sections;
    }

    private unit(node: ast.UnitDeclaration, plan: WorkspacePlan): string[] {
        const words = this.messages.hoverWords();
        const sections = [this.title('unit', node.name, node.label)];
        const stages = plan.analysis.stages.filter(stage => stage.unit === node.name).map(stage => escape(stage.name));
        if (stages.length > 0) sections.push(`${escape(words.outputOf)}: ${stages.join(', ')}`);
        return sections;
    }

    private actualLine(actual: ActualFigures, plan: number | null, againstTarget: boolean): string {
        const words = this.messages.hoverWords();
        let line = words.latestActual(actual.period, formatNumber(actual.value));
        if (actual.deviation !== null && plan !== null) {
            const deviation = formatPercent(actual.deviation);
            line += `, ${againstTarget ? words.againstTarget(deviation, formatNumber(plan)) : words.againstPlan(deviation, formatNumber(plan))}`;
        }
        if (actual.cause) line += ` — ${words.cause(escape(actual.cause))}`;
        return line;
    }

    private kpiUnit(kpi: KpiFigures, plan: WorkspacePlan): string {
        const label = kpi.outputUnit === null ? '' : plan.unitLabels.get(kpi.outputUnit) ?? kpi.outputUnit;
        return this.messages.rateUnit(label, kpi.perPerson, kpi.timeUnit);
    }
}

/** User text in Markdown: characters that would format are escaped. */
function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]<>#|]/g, character => `\\${character}`);
}

