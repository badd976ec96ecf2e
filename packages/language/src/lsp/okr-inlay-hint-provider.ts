/**
 * Inlay hints (spec §7): the derived value at the end of each KPI's header line, the monthly
 * requirement (and per-person daily pace) at the end of each stage's header line, and the
 * deviation at the end of each `actual` line. Only nodes in the requested range are visited;
 * labels stay short, the derivation goes in the tooltip. Each kind can be turned off with
 * `okr.inlayHints.kpis`, `.stages` and `.actuals`.
 */
import { formatNumber, formatPercent } from '@okr-plan/engine';
import { AstUtils, Cancellation, GrammarUtils, interruptAndCheck, type AstNode, type ConfigurationProvider, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';
import type { Messages } from '../i18n/messages.js';
import type { OkrServices } from '../okr-module.js';
import { explainKpi, explainStage, type ExplainContext } from '../plan/plan-explanation.js';
import { stageFiguresNamed, type PlanWorkspace, type WorkspacePlan } from '../plan/plan-workspace.js';

export interface InlayHintSettings {
    kpis: boolean;
    stages: boolean;
    actuals: boolean;
}

const ALL_HINTS: InlayHintSettings = { kpis: true, stages: true, actuals: true };

export class OkrInlayHintProvider extends AbstractInlayHintProvider {
    private readonly planWorkspace: PlanWorkspace;
    private readonly messages: Messages;
    private readonly configuration: ConfigurationProvider;

    constructor(services: OkrServices) {
        super();
        this.planWorkspace = services.plan.PlanWorkspace;
        this.messages = services.i18n.Messages;
        this.configuration = services.shared.workspace.ConfigurationProvider;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken = Cancellation.CancellationToken.None): Promise<InlayHint[] | undefined> {
        const configured = (await this.configuration.getConfiguration('okr', 'inlayHints').catch(() => undefined)) as Partial<InlayHintSettings> | undefined;
        const settings = { ...ALL_HINTS, ...configured };
        if (!settings.kpis && !settings.stages && !settings.actuals) return [];
        const hints: InlayHint[] = [];
        const accept: InlayHintAcceptor = hint => hints.push(hint);
        const plan = this.planWorkspace.current();
        for (const node of AstUtils.streamAst(document.parseResult.value, { range: params.range })) {
            await interruptAndCheck(cancelToken);
            this.hintFor(node, accept, settings, plan);
        }
        return hints;
    }

    override computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        this.hintFor(node, accept, ALL_HINTS, this.planWorkspace.current());
    }

    private hintFor(node: AstNode, accept: InlayHintAcceptor, settings: InlayHintSettings, plan: WorkspacePlan): void {
        if (ast.isKpi(node) && settings.kpis) this.kpiHint(node, plan, accept);
        else if (ast.isStage(node) && settings.stages) this.stageHint(node, plan, accept);
        else if (ast.isActual(node) && settings.actuals) this.actualHint(node, plan, accept);
    }

    private kpiHint(node: ast.Kpi, plan: WorkspacePlan, accept: InlayHintAcceptor): void {
        const kpi = plan.figuresOf.kpis.get(node);
        const position = headerEnd(node);
        if (!kpi?.figure || !position) return;
        const label = kpi.outputUnit === null ? '' : plan.unitLabels.get(kpi.outputUnit) ?? kpi.outputUnit;
        const stage = stageFiguresNamed(plan, kpi.stage);
        const team = stage?.team ? plan.input.teams.find(candidate => candidate.name === stage.team) : undefined;
        const steps = explainKpi(kpi, stage, team && { headcount: team.headcount?.low ?? null, availability: team.availability?.low ?? 1 }, this.context(plan));
        accept({
            position,
            label: `≈ ${formatNumber(kpi.figure.value)} ${this.messages.rateUnit(label, kpi.perPerson, kpi.timeUnit)}`,
            paddingLeft: true,
            tooltip: steps.length > 0 ? { kind: 'markdown', value: steps.map(step => `- ${step}`).join('\n') } : undefined
        });
    }

    private stageHint(node: ast.Stage, plan: WorkspacePlan, accept: InlayHintAcceptor): void {
        const stage = plan.figuresOf.stages.get(node);
        const position = headerEnd(node);
        if (!stage?.perMonth || !position) return;
        const label = stage.unit === null ? '' : plan.unitLabels.get(stage.unit) ?? stage.unit;
        let text = `${formatNumber(stage.perMonth.value)} ${this.messages.rateUnit(label, false, 'month')}`;
        if (stage.perPersonPerDay) text += ` · ${formatNumber(stage.perPersonPerDay.value)} ${this.messages.rateUnit(label, true, 'day')}`;
        const steps = explainStage(stage, this.context(plan));
        accept({
            position,
            label: text,
            paddingLeft: true,
            tooltip: steps.length > 0 ? { kind: 'markdown', value: steps.map(step => `- ${step}`).join('\n') } : undefined
        });
    }

    private actualHint(node: ast.Actual, plan: WorkspacePlan, accept: InlayHintAcceptor): void {
        const actual = plan.figuresOf.actuals.get(node);
        const end = node.$cstNode?.range.end;
        if (actual?.deviation === null || actual?.deviation === undefined || !end) return;
        // The engine's status beside the deviation (spec §8): `-18.2% · at risk`.
        const status = actual.status === 'none' ? '' : ` · ${this.messages.statusWords().statuses[actual.status]}`;
        accept({ position: end, label: `${formatPercent(actual.deviation)}${status}`, paddingLeft: true });
    }

    private context(plan: WorkspacePlan): ExplainContext {
        return { messages: this.messages, unitLabels: plan.unitLabels, calendar: plan.analysis.calendar, stages: plan.analysis.stages };
    }
}

/** Where a declaration's header line ends: after its `{`, or after its label or name when it has no block. */
function headerEnd(node: ast.Kpi | ast.Stage): Position | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const brace = GrammarUtils.findNodeForKeyword(cst, '{');
    const anchor = brace ?? GrammarUtils.findNodeForProperty(cst, 'label') ?? GrammarUtils.findNodeForProperty(cst, 'name');
    return anchor?.range.end;
}
