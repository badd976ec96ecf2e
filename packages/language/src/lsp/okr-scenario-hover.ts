/**
 * The hover on a scenario (spec §9, issue 14): what it changes, as a small before → after table
 * of the KPIs and stages it moves. The plan is analysed a second time under the scenario and the
 * two analyses are compared by the engine (`comparePlans`, the comparison `okr diff` uses);
 * this module only words and formats.
 */
import { comparePlans, formatNumber, formatPercent, type Figure, type PlanAnalysis } from '@okr-plan/engine';
import type { LangiumDocuments } from 'langium';
import type * as ast from '../generated/ast.js';
import type { Language } from '../i18n/locale.js';
import type { Messages } from '../i18n/messages.js';
import type { PlanWorkspace, WorkspacePlan } from '../plan/plan-workspace.js';
import { analyseUnderScenario, declarationsOf, resolveScenarios, workspaceFragments } from '../plan/scenario-plan.js';

interface ScenarioHoverWords {
    scenario: string;
    extends(name: string): string;
    plan: string;
    underScenario: string;
    change: string;
    cyclic: string;
    nothingMoves: string;
    notDerived: string;
    /** A count of what else changes, when the table is cut short. */
    more(count: number): string;
}

const WORDS: Record<Language, ScenarioHoverWords> = {
    en: {
        scenario: 'Scenario',
        extends: name => `extends ${name}`,
        plan: 'Plan',
        underScenario: 'Scenario',
        change: 'Δ',
        cyclic: 'On an `extends` cycle: nothing is derived under this scenario.',
        nothingMoves: 'Moves no KPI or stage of the plan.',
        notDerived: 'not derived',
        more: count => `…and ${count} more`
    },
    ru: {
        scenario: 'Сценарий',
        extends: name => `расширяет ${name}`,
        plan: 'План',
        underScenario: 'Сценарий',
        change: 'Δ',
        cyclic: 'Сценарий в кольце `extends`: по нему ничего не рассчитывается.',
        nothingMoves: 'Не сдвигает ни одного КПЭ или этапа плана.',
        notDerived: 'не рассчитано',
        more: count => `…и ещё ${count}`
    }
};

/** Rows shown at most: a hover is a glance, `okr diff --scenario` has the whole list. */
const MAX_ROWS = 12;

export function scenarioHoverSections(node: ast.Scenario, plan: WorkspacePlan, planWorkspace: PlanWorkspace, documents: LangiumDocuments, messages: Messages, escape: (text: string) => string): string[] {
    const words = WORDS[messages.language];
    const title = `**${words.scenario} ${escape(node.name ?? '')}**${node.label ? ` — ${escape(node.label)}` : ''}`;
    const sections = [node.extends?.scenario?.$refText ? `${title} · ${escape(words.extends(node.extends.scenario.$refText))}` : title];
    const fragments = workspaceFragments(documents, document => planWorkspace.fragment(document));
    const scenario = node.name ? resolveScenarios(fragments, declarationsOf(fragments)).get(node.name) : undefined;
    if (!scenario || scenario.fragment.node !== node) return sections; // a duplicated name: duplicate-name says so
    if (scenario.cyclic) {
        sections.push(words.cyclic);
        return sections;
    }
    const under = analyseUnderScenario(plan.input, scenario).analysis;
    const comparison = comparePlans(plan.analysis, under);
    const rows = [
        ...comparison.kpis.filter(entry => entry.change === 'changed').map(entry => ({ name: entry.name, before: kpiText(plan.analysis, entry.name, plan, messages, words), after: kpiText(under, entry.name, plan, messages, words), delta: entry.delta })),
        ...comparison.stages.filter(entry => entry.change === 'changed').map(entry => ({ name: entry.name, before: stageText(plan.analysis, entry.name, plan, messages, words), after: stageText(under, entry.name, plan, messages, words), delta: entry.delta }))
    ];
    if (rows.length === 0) {
        sections.push(words.nothingMoves);
        return sections;
    }
    const table = [
        `| | ${words.plan} | ${words.underScenario} | ${words.change} |`,
        '| --- | --- | --- | --- |',
        ...rows.slice(0, MAX_ROWS).map(row => `| ${escape(row.name)} | ${escape(row.before)} | ${escape(row.after)} | ${row.delta === null ? '' : escape(formatPercent(row.delta))} |`)
    ];
    sections.push(table.join('\n'));
    if (rows.length > MAX_ROWS) sections.push(words.more(rows.length - MAX_ROWS));
    return sections;
}

function kpiText(analysis: PlanAnalysis<unknown>, name: string, plan: WorkspacePlan, messages: Messages, words: ScenarioHoverWords): string {
    const kpi = analysis.kpis.find(candidate => candidate.name === name);
    if (!kpi?.figure) return words.notDerived;
    const label = kpi.outputUnit === null ? '' : plan.unitLabels.get(kpi.outputUnit) ?? kpi.outputUnit;
    const target = kpi.target === null ? '' : ` (${messages.hoverWords().handSetTarget(formatNumber(kpi.target))})`;
    return `${figureText(kpi.figure)} ${messages.rateUnit(label, kpi.perPerson, kpi.timeUnit)}${target}`;
}

function stageText(analysis: PlanAnalysis<unknown>, name: string, plan: WorkspacePlan, messages: Messages, words: ScenarioHoverWords): string {
    const stage = analysis.stages.find(candidate => candidate.name === name);
    if (!stage?.perMonth) return words.notDerived;
    const label = stage.unit === null ? '' : plan.unitLabels.get(stage.unit) ?? stage.unit;
    return `${figureText(stage.perMonth)} ${messages.rateUnit(label, false, 'month')}`;
}

function figureText(figure: Figure): string {
    const value = formatNumber(figure.value);
    return figure.low === figure.high ? value : `${value} (${formatNumber(figure.low)}–${formatNumber(figure.high)})`;
}
