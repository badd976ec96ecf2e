/**
 * The KPI tree the preview draws, computed from the workspace plan: objective → key result →
 * process → stages (last first) → KPIs, each with its figures already rounded and labelled in
 * the user's language, its latest actual with a status, and badges for the findings on it.
 */
import { formatNumber, formatPercent, type ActualFigures, type KeyResultFigures, type KpiFigures, type StageFigures, type Status } from '@okr-plan/engine';
import type { ActualView, Badge, KeyResultView, KpiTree, KpiView, ObjectiveView, ProcessView, StageView, TreeLocation } from '@okr-plan/preview';
import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { LINKING_ERROR, PARSE_ERROR } from '../validation/okr-document-validator.js';
import * as ast from '../generated/ast.js';
import type { Messages } from '../i18n/messages.js';
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

    constructor(private readonly plan: WorkspacePlan, private readonly messages: Messages) {
        for (const [name, declared] of plan.declarations) if (declared.length === 1) this.nodesByName.set(name, declared[0].node);
        for (const stage of plan.analysis.stages) groupInto(this.stagesByProcess, stage.process, stage);
        plan.analysis.kpis.forEach((figures, index) => groupInto(this.kpisByStage, figures.stage, { figures, index }));
        for (const findings of plan.findingsByDocument.values()) {
            for (const finding of findings) {
                this.addBadge(finding.site.node, { code: finding.code, severity: finding.severity, message: messages.finding(finding, plan.unitLabels) });
            }
        }
    }

    private addBadge(at: AstNode, badge: Badge): void {
        const owner = AstUtils.getContainerOfType(at, isTreeNode);
        if (!owner) return;
        const list = this.badgesByNode.get(owner) ?? [];
        list.push(badge);
        this.badgesByNode.set(owner, list);
    }

    /** Counts every error and warning of the documents, and badges the syntax and linking ones (plan findings have theirs). */
    private addDocumentDiagnostics(documents: LangiumDocument[]): void {
        for (const document of documents) {
            const root = document.parseResult.value.$cstNode;
            for (const diagnostic of document.diagnostics ?? []) {
                const severity = SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? 'error';
                if (severity === 'error') this.counts.errors++;
                if (severity === 'warning') this.counts.warnings++;
                if (diagnostic.code !== PARSE_ERROR && diagnostic.code !== LINKING_ERROR) continue;
                const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
                const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
                if (leaf) this.addBadge(leaf.astNode, { code: String(diagnostic.code), severity, message });
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
        if (figures?.target && figures.per) target = `${showFigure(figures.target)} ${this.messages.rateUnit(label, false, figures.per)}`;
        else if (figures?.target && figures.kind === 'total') target = `${showFigure(figures.target)} ${label}${figures.period ? ` ${status.inPeriod(figures.period)}` : ''}`;
        const latest = figures?.latestActual ? this.actual(figures.latestActual) : null;
        const processes = figures?.process ? [this.process(figures.process, id)] : [];
        const percent = (x: number) => `${formatNumber(x * 100)}%`;
        const progress = figures?.progress != null ? status.progressOf(percent(figures.progress), figures.expected === null ? null : percent(figures.expected)) : null;
        const projection = figures ? this.projection(figures, label) : null;
        return { kind: 'keyresult', id, name: figures?.name ?? name, label: node.label, location: location(node), badges: this.badges(node), target, latestActual: latest, status: figures?.status ?? 'none', progress, projection, processes };
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
            ? this.messages.hoverWords().perPerson(`${formatNumber(stage.perPersonPerDay.value)} ${this.messages.rateUnit(label, true, 'day')}`, stage.team ?? '', formatNumber(stage.effectiveHeadcount))
            : null;
        const kpis = (this.kpisByStage.get(stage.name) ?? []).map(kpi => this.kpi(kpi.figures, kpi.index, id));
        return { kind: 'stage', id, name: stage.name, label: ast.isStage(node) ? node.label : undefined, location: node && location(node), badges: node ? this.badges(node) : [], requirement, range, perPerson, kpis, status: worst(kpis.map(kpi => kpi.status)) };
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
            every: kpi.figure ? this.messages.every(kpi.figure.value, kpi.timeUnit, kpi.outputUnit) ?? null : null,
            target: kpi.target === null ? null : formatNumber(kpi.target),
            suggestedTarget: kpi.suggestedTarget === null ? null : formatNumber(kpi.suggestedTarget),
            latestActual: latest,
            status: latest?.status ?? 'none'
        };
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
