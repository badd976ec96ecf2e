/**
 * The derivation of spec §4 and the engine's share of the diagnostics of §5, as a short
 * sequence of passes over one shared context (derive/context.ts). Each pass reads what the
 * passes before it stored there: settings, then teams and shares, then key results (so each
 * process knows its demand), then the backward propagation through every process's stages,
 * then KPIs (which read their stage's figures).
 *
 * Figures that depend on an error are not derived (null) and no finding is computed from
 * them, so errors never cascade into warnings about the same numbers. "No requirement" (no key
 * result and no cadence) is not an error: its figures are null too, but quietly.
 *
 * Then the plan over time (§8): objective periods are resolved before key results (a total's
 * demand is target / W(period)); key results' check-ins, projections and objective statuses
 * come last, as they read stage and KPI figures.
 *
 * Findings come in pass order: calendar, policy, objective periods, teams (their quantities, then shares in stage
 * order, then over-allocation and unused teams), key results (targets, milestones), processes (per process: its own
 * finding, each stage's clause checks, then each stage's derived findings), KPIs, key results' check-ins and projections. Within each
 * group, input order. Every code's arguments are typed in findings.ts.
 */
import type { PlanAnalysis } from './analysis.js';
import { AnalysisContext, duplicatedNames } from './derive/context.js';
import { analyseKeyResults } from './derive/key-results.js';
import { analyseKpi } from './derive/kpis.js';
import { resolveObjectivePeriods } from './derive/objectives.js';
import { analyseObjectives, analyseProgress } from './derive/progress.js';
import { resolveCalendar, resolvePolicy } from './derive/settings.js';
import { analyseProcess } from './derive/stages.js';
import { analyseTeams } from './derive/teams.js';
import type { PlanInput } from './model.js';

export function analysePlan<S>(input: PlanInput<S>): PlanAnalysis<S> {
    return analyseCounted(input).analysis;
}

/** The analysis, and how many of its findings (always the first ones) are about the calendar and the policy. */
export function analyseCounted<S>(input: PlanInput<S>): { analysis: PlanAnalysis<S>; settingsFindings: number } {
    const ctx = new AnalysisContext(input);
    const calendar = resolveCalendar(ctx);
    const policy = resolvePolicy(ctx);
    const settingsFindings = ctx.findings.length;
    resolveObjectivePeriods(ctx);
    const teams = analyseTeams(ctx);
    analyseKeyResults(ctx);
    const duplicatedStages = duplicatedNames(input.processes.flatMap(process => process.stages));
    const stages = input.processes.flatMap(process => analyseProcess(ctx, process, duplicatedStages));
    for (const kpi of input.kpis) ctx.kpis.push(analyseKpi(ctx, kpi));
    const keyResults = analyseProgress(ctx);
    const objectives = analyseObjectives(ctx, keyResults);
    return { analysis: { calendar, policy, stages, kpis: ctx.kpis, keyResults, objectives, teams, findings: ctx.findings }, settingsFindings };
}
