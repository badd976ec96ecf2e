/**
 * The KPI tree the preview draws, computed from the workspace plan: objective → key result →
 * process → stages (last first) → KPIs, each with its figures already rounded and labelled in
 * the user's language, its latest actual with a status, and badges for the findings on it.
 */
import { formatNumber, formatPercent, type ActualFigures, type DerivationStep, type Figure, type KeyResultFigures, type KpiFigures, type StageFigures, type Status } from '@okr-plan/engine';
import { trendPoints, type TrendPoint } from '../lsp/okr-progress-hover.js';
import type { TrendView, ActualView, Badge, KeyResultView, KpiTree, KpiView, ObjectiveView, ProcessView, StageView, TreeLocation } from '@okr-plan/preview';
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import * as ast from '../generated/ast.js';
import { labelForCount, type Messages } from '../i18n/messages.js';
import type { WorkspacePlan } from './plan-workspace.js';
import { showFigure } from './plan-explanation.js';

/**
 * `documents` are the workspace's documents: their syntax and linking diagnostics become badges
 * too, and the header counts every error and warning, as the editor's Problems panel does.
 */
export function buildKpiTree(plan: WorkspacePlan, messages: Messages, documents: Iterable<LangiumDocument> = []): KpiTree {
    return new TreeBuilder(plan, messages).build(documents);
}

const SEVERITIES: Badge['severity'][] = ['error', 'warning', 'info', 'hint'];

function isTreeNode(node: AstNode): node is ast.Kpi | ast.Stage | ast.Process | ast.KeyResult | ast.Objective {
    return ast.isKpi(node) || ast.isStage(node) || ast.isProcess(node) || ast.isKeyResult(node) || ast.isObjective(node);
}

class TreeBuilder {
    private readonly badgesByNode = new Map<AstNode, Badge[]>();
    private readonly nodesByName = new Map<string, AstNode>();
    /** Stages by process and KPIs by stage, grouped once: a tree is built on every update of a visible preview. */
    private readonly stagesByProcess = new Map<string, StageFigures[]>();
    private readonly kpisByStage = new Map<string | null, { figures: KpiFigures; index: number }[]>();
    private counts = { kpis: 0, errors: 0, warnings: 0 };
    private readonly planFindings: Badge[] = [];
    /** Each team's headcount as written (valid ones only), for "6 people, 5.4 effective". */
    private readonly headcounts = new Map<string, number>();

    constructor(private readonly plan: WorkspacePlan, private readonly messages: Messages) {
        for (const [name, declared] of plan.declarations) if (declared.length === 1) this.nodesByName.set(name, declared[0].node);
        for (const stage of plan.analysis.stages) groupInto(this.stagesByProcess, stage.process, stage);
        for (const team of plan.input.teams) if (team.headcount && Number.isFinite(team.headcount.low)) this.headcounts.set(team.name, team.headcount.low);
        plan.analysis.kpis.forEach((figures, index) => groupInto(this.kpisByStage, figures.stage, { figures, index }));
        for (const findings of plan.findingsByDocument.values()) {
            for (const finding of findings) {
                this.addBadge(finding.site.node, { code: finding.code, severity: finding.severity, message: messages.finding(finding, plan.unitLabels) });
            }
        }
    }

    private addBadge(at: AstNode, badge: Badge): void {
        const owner = AstUtils.getContainerOfType(at, isTreeNode);
        if (!owner) {
            this.planFindings.push(badge);
            return;
        }
        const list = this.badgesByNode.get(owner) ?? [];
        list.push(badge);
        this.badgesByNode.set(owner, list);
    }

    /** Counts every error and warning of the documents, and badges those that are not plan findings (syntax, linking, internal). */
    private addDocumentDiagnostics(documents: LangiumDocument[]): void {
        for (const document of documents) {
            const root = document.parseResult.value.$cstNode;
            for (const diagnostic of document.diagnostics ?? []) {
                const severity = SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? 'error';
                if (severity === 'error') this.counts.errors++;
                if (severity === 'warning') this.counts.warnings++;
                // Plan findings carry their arguments and have their badges already.
                if ((diagnostic.data as { args?: unknown } | undefined)?.args !== undefined) continue;
                const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
                const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
                const badge = { code: String(diagnostic.code), severity, message };
                if (leaf) this.addBadge(leaf.astNode, badge);
                else this.planFindings.push(badge);
            }
        }
    }

    build(documents: Iterable<LangiumDocument>): KpiTree {
        const all = [...documents];
        if (all.length > 0) this.addDocumentDiagnostics(all);
        else this.countPlanFindings();
        const { input, analysis } = this.plan;
        const objectives = [...this.plan.declarations]
            .flatMap(([name, declared]) => declared.map(one => ({ name, ...one })))
            .filter(declared => declared.kind === 'objective' && ast.isObjective(declared.node))
            .map(declared => this.objective(declared.node as ast.Objective, declared.name));
        const used = new Set(input.keyResults.map(keyResult => keyResult.via?.process).filter((name): name is string => typeof name === 'string'));
        const unlinkedProcesses = input.processes.filter(process => !used.has(process.name)).map(process => this.process(process.name, ''));
        const kpisWithoutProcess = (this.kpisByStage.get(null) ?? []).map(kpi => this.kpi(kpi.figures, kpi.index, ''));
        this.counts.kpis = analysis.kpis.length;
        return {
            language: this.messages.language,
            words: this.messages.treeWords(),
            objectives,
            unlinkedProcesses,
            kpisWithoutProcess,
            planFindings: this.planFindings,
            counts: this.counts
        };
    }

    /** Without documents (tests), the counts are those of the plan's own findings. */
    private countPlanFindings(): void {
        for (const findings of this.plan.findingsByDocument.values()) {
            for (const finding of findings) {
                if (finding.severity === 'error') this.counts.errors++;
                if (finding.severity === 'warning') this.counts.warnings++;
            }
        }
    }

    private objective(node: ast.Objective, name: string): ObjectiveView {
        const id = `objective:${name}`;
        // A key result the parser could not name is not part of the plan.
        const keyResults = node.clauses.filter(ast.isKeyResult).flatMap(keyResult => (keyResult.name ? [this.keyResult(keyResult, keyResult.name, id)] : []));
        const figures = this.plan.analysis.objectives.find(objective => objective.name === name);
        return { kind: 'objective', id, name, label: node.label, location: location(node), badges: this.badges(node), period: figures?.period ?? null, status: figures?.status ?? worst(keyResults.map(k => k.status)), keyResults };
    }

    private keyResult(node: ast.KeyResult, name: string, parent: string): KeyResultView {
        const figures = this.plan.figuresOf.keyResults.get(node);
        const id = `${parent}/keyresult:${name}`;
        const label = figures?.unit ? this.plan.unitLabels.get(figures.unit) ?? figures.unit : '';
        const status = this.messages.statusWords();
        let target: string | null = null;
        if (figures?.target && figures.per && figures.unit) target = `${showFigure(figures.target)} ${this.messages.rateUnit(labelForCount(figures.unit, label, figures.target.value), false, figures.per)}`;
        else if (figures?.target && figures.kind === 'total') target = `${showFigure(figures.target)} ${label}${figures.period ? ` ${status.inPeriod(figures.period)}` : ''}`;
        const latest = figures?.latestActual ? this.actual(figures.latestActual) : null;
        const processes = figures?.process ? [this.process(figures.process, id)] : [];
        const demandShare = figures?.process ? this.demandShare(figures.name, figures.process) : null;
        const percent = (x: number) => `${formatNumber(x * 100)}%`;
        const progress = figures?.progress != null ? status.progressOf(percent(figures.progress), figures.expected === null ? null : percent(figures.expected)) : null;
        const projection = figures ? this.projection(figures, label) : null;
        const trend = figures ? this.trend(trendPoints(figures.actuals, actual => actual.expected ?? null)) : null;
        return { kind: 'keyresult', id, name: figures?.name ?? name, label: node.label, location: location(node), badges: this.badges(node), target, demandShare, trend, latestActual: latest, status: figures?.status ?? 'none', progress, projection, processes };
    }

    /** A key result's part of its process's demand, when it shares the process with others (read from the engine's demand step). */
    private demandShare(keyResult: string, process: string): string | null {
        const last = this.stagesByProcess.get(process)?.at(-1);
        const demand = last?.steps.find(step => step.kind === 'demand');
        if (!last || !demand || demand.kind !== 'demand' || demand.keyResults.length < 2 || demand.result.value === 0) return null;
        const own = demand.keyResults.find(candidate => candidate.name === keyResult);
        if (!own) return null;
        const perMonth = (perDay: number) => perDay * this.plan.analysis.calendar.workdaysPerMonth;
        const unit = last.unit === null ? '' : this.messages.rateUnit(this.plan.unitLabels.get(last.unit) ?? last.unit, false, 'month');
        return this.messages.hoverWords().shareOfDemand(formatNumber(perMonth(own.perDay.value)), `${formatNumber(perMonth(demand.result.value))} ${unit}`, formatPercent(own.perDay.value / demand.result.value).replace(/^\+/, ''));
    }

    /** The pace and bottleneck projections in words, or null when neither applies. */
    private projection(figures: KeyResultFigures, label: string): string | null {
        const words = this.messages.statusWords();
        const { pace, value, limitedBy } = figures.projection;
        const parts: string[] = [];
        if (pace !== null) parts.push(words.pace(`${formatNumber(pace)} ${label}`.trim()));
        if (value !== null && limitedBy !== null) {
            const unit = figures.per ? this.messages.rateUnit(label, false, figures.per) : label;
            parts.push(words.limitedBy(`${formatNumber(value)} ${unit}`.trim(), limitedBy));
        }
        return parts.length > 0 ? `${words.projection}: ${parts.join('; ')}` : null;
    }

    private process(name: string, parent: string): ProcessView {
        const node = this.nodesByName.get(name);
        const id = `${parent}/process:${name}`;
        const stages = [...(this.stagesByProcess.get(name) ?? [])].reverse().map(stage => this.stage(stage, id));
        return { kind: 'process', id, name, label: ast.isProcess(node) ? node.label : undefined, location: node && location(node), badges: node ? this.badges(node) : [], stages, status: worst(stages.map(stage => stage.status)) };
    }

    private stage(stage: StageFigures, parent: string): StageView {
        const node = this.nodesByName.get(stage.name);
        const id = `${parent}/stage:${stage.name}`;
        const label = stage.unit === null ? '' : this.plan.unitLabels.get(stage.unit) ?? stage.unit;
        const requirement = stage.perMonth ? `${formatNumber(stage.perMonth.value)} ${this.messages.rateUnit(label, false, 'month')}` : null;
        const range = stage.perMonth && stage.perMonth.low !== stage.perMonth.high ? `${formatNumber(stage.perMonth.low)}–${formatNumber(stage.perMonth.high)}` : null;
        const perPerson = stage.perPersonPerDay && stage.effectiveHeadcount !== null
            ? this.messages.hoverWords().perPerson(`${formatNumber(stage.perPersonPerDay.value)} ${this.messages.rateUnit(label, true, 'day')}`, stage.team ?? '', stage.team === null ? null : this.headcounts.get(stage.team) ?? null, stage.effectiveHeadcount)
            : null;
        const kpis = (this.kpisByStage.get(stage.name) ?? []).map(kpi => this.kpi(kpi.figures, kpi.index, id));
        return { kind: 'stage', id, name: stage.name, label: ast.isStage(node) ? node.label : undefined, location: node && location(node), badges: node ? this.badges(node) : [], requirement, range, perPerson, flow: this.flow(stage), kpis, status: worst(kpis.map(kpi => kpi.status)) };
    }

    /** The flow clause that carried the next stage's requirement back to this one, in the plan's own keywords. */
    private flow(stage: StageFigures): string | null {
        const step = [...stage.steps].reverse().find((candidate): candidate is Extract<DerivationStep, { kind: 'flow' }> => candidate.kind === 'flow');
        if (!step) return null;
        // The amount's unit by its label (`m²`), the unit it is per by its name, as the clause says it (`per house`).
        const label = (name: string | null) => (name === null ? '' : this.plan.unitLabels.get(name) ?? name);
        if (step.flow === 'conversion') return `conversion ${showFactor(step.factor, 100)}%`;
        if (step.flow === 'needs') return `needs ${showFactor(step.factor)} ${label(stage.unit)}/${step.fromUnit}`;
        return `yields ${showFactor(step.factor)} ${label(step.fromUnit)}/${stage.unit ?? ''}`;
    }

    private kpi(kpi: KpiFigures, index: number, parent: string): KpiView {
        const node = this.plan.kpiNodes[index] as ast.Kpi;
        const label = kpi.outputUnit === null ? '' : this.plan.unitLabels.get(kpi.outputUnit) ?? kpi.outputUnit;
        const latest = kpi.latestActual ? this.actual(kpi.latestActual) : null;
        return {
            kind: 'kpi',
            id: `${parent}/kpi:${kpi.name}:${index}`,
            name: kpi.name,
            label: node.label,
            location: location(node),
            badges: this.badges(node),
            figure: kpi.figure ? formatNumber(kpi.figure.value) : null,
            unit: kpi.outputUnit === null ? null : this.messages.rateUnit(label, kpi.perPerson, kpi.timeUnit),
            range: kpi.figure && kpi.figure.low !== kpi.figure.high ? `${formatNumber(kpi.figure.low)}–${formatNumber(kpi.figure.high)}` : null,
            every: kpi.figure ? this.messages.every(kpi.figure.value, kpi.timeUnit, kpi.outputUnit, this.plan.unitLabels, this.plan.analysis.calendar) ?? null : null,
            target: kpi.target === null ? null : formatNumber(kpi.target),
            suggestedTarget: kpi.suggestedTarget === null ? null : formatNumber(kpi.suggestedTarget),
            latestActual: latest,
            status: latest?.status ?? 'none',
            trend: this.trend(trendPoints(kpi.actuals, () => kpi.plan))
        };
    }

    /** A chart's data and its words ("Trend, actual · plan: 2026-01 30.5 · 32, 2026-02 27 · 32"). */
    private trend(points: TrendPoint[]): TrendView | null {
        if (points.length < 2) return null;
        const caption = `${this.messages.hoverWords().trend}: ${points.map(point => `${point.period} ${formatNumber(point.actual)} · ${formatNumber(point.plan)}`).join(', ')}`;
        return { points, caption };
    }

    private actual(actual: ActualFigures): ActualView {
        const view: ActualView = {
            period: actual.period,
            value: formatNumber(actual.value),
            deviation: actual.deviation === null ? null : formatPercent(actual.deviation),
            status: actual.status
        };
        if (actual.cause) view.cause = actual.cause;
        return view;
    }

    private badges(node: AstNode): Badge[] {
        return this.badgesByNode.get(node) ?? [];
    }
}

/** A flow factor as written: `1`, or a range `10–14` (times `scale`, 100 for a conversion's percent). */
function showFactor(factor: Figure, scale = 1): string {
    const low = formatNumber(factor.low * scale);
    const high = formatNumber(factor.high * scale);
    return low === high ? formatNumber(factor.value * scale) : `${low}–${high}`;
}

function groupInto<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
}

function location(node: AstNode): TreeLocation | undefined {
    const range = node.$cstNode?.range;
    if (!range) return undefined;
    return {
        uri: AstUtils.getDocument(node).uri.toString(),
        startLine: range.start.line,
        startCharacter: range.start.character,
        endLine: range.end.line,
        endCharacter: range.end.character
    };
}

/** Worst first. */
const STATUS_ORDER: readonly Status[] = ['off-track', 'at-risk', 'on-track', 'none'];

/** The worst of some statuses (spec §8's roll-up): none is ignored, none when all are none. */
function worst(statuses: Status[]): Status {
    return STATUS_ORDER.find(status => status !== 'none' && statuses.includes(status)) ?? 'none';
}
