/**
 * The preview's tree under a scenario (spec §9, issue 14): the tree of the plan under it, with
 * the plan's figure and the change beside every KPI and stage the scenario moves. Which figures
 * moved and by how much is the engine's comparison (`comparePlans`, as `okr diff`); the plan's
 * figure is the text the plan's own tree shows, so both read alike.
 */
import { comparePlans, formatPercent } from '@okr-plan/engine';
import type { KpiTree, KpiView, ProcessView, ScenarioChange, StageView } from '@okr-plan/preview';
import type { LangiumDocument } from 'langium';
import type { Language } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import { buildKpiTree } from './kpi-tree.js';
import type { WorkspacePlan } from './plan-workspace.js';

const WORDS: Record<Language, NonNullable<KpiTree['scenarioWords']> & { planFigure: string }> = {
    en: { picker: 'Scenario', plan: 'Plan', planFigure: 'plan' },
    ru: { picker: 'Сценарий', plan: 'План', planFigure: 'по плану' }
};

/** The plan's tree with its scenarios listed; under `scenario` (when given and known) the tree of `under`, changes marked. */
export function kpiTreeWithScenarios(base: WorkspacePlan, messages: Messages, documents: LangiumDocument[], scenario?: { name: string; plan: WorkspacePlan }): KpiTree {
    const scenarios = [...base.declarations]
        .filter(([, declared]) => declared.length === 1 && declared[0].kind === 'scenario')
        .map(([name, [declared]]) => ({ name, ...labelOf(declared.node) }));
    const known = scenario && scenarios.some(candidate => candidate.name === scenario.name) ? scenario : undefined;
    const tree = buildKpiTree(known?.plan ?? base, messages, documents);
    tree.scenarios = scenarios;
    tree.scenario = known?.name ?? null;
    const { picker, plan, planFigure } = WORDS[messages.language];
    tree.scenarioWords = { picker, plan };
    tree.words = { ...tree.words, planFigure };
    if (known) markChanges(tree, buildKpiTree(base, messages, documents), comparePlans(base.analysis, known.plan.analysis));
    return tree;
}

function labelOf(node: unknown): { label?: string } {
    const label = (node as { label?: unknown }).label;
    return typeof label === 'string' && label ? { label } : {};
}

/** Marks every KPI and stage of `tree` the comparison moved with the figure `baseTree` shows for it and the change. */
export function markChanges(tree: KpiTree, baseTree: KpiTree, comparison: ReturnType<typeof comparePlans>): void {
    const deltas = new Map<string, number | null>();
    for (const entry of comparison.kpis) if (entry.change === 'changed') deltas.set(`kpi:${entry.name}`, entry.delta);
    for (const entry of comparison.stages) if (entry.change === 'changed') deltas.set(`stage:${entry.name}`, entry.delta);
    const before = new Map<string, string | null>();
    forEachFigureNode(baseTree, node => before.set(node.id, figureText(node)));
    forEachFigureNode(tree, node => {
        const key = `${node.kind}:${node.name}`;
        if (!deltas.has(key)) return;
        const delta = deltas.get(key) ?? null;
        const change: ScenarioChange = { before: before.get(node.id) ?? null, delta: delta === null ? null : formatPercent(delta) };
        node.change = change;
    });
}

function figureText(node: KpiView | StageView): string | null {
    if (node.kind === 'stage') return node.requirement;
    return node.figure === null ? null : `${node.figure}${node.unit ? ` ${node.unit}` : ''}`;
}

function forEachFigureNode(tree: KpiTree, visit: (node: KpiView | StageView) => void): void {
    const process = (view: ProcessView) => view.stages.forEach(stage => {
        visit(stage);
        stage.kpis.forEach(visit);
    });
    tree.objectives.forEach(objective => objective.keyResults.forEach(keyResult => keyResult.processes.forEach(process)));
    tree.unlinkedProcesses.forEach(process);
    tree.kpisWithoutProcess.forEach(visit);
}
