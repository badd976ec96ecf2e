/**
 * The plan over time (spec §8), after stages and KPIs are known: every key result's check-ins
 * against what the plan expected by their day, its status, progress and projections (pace and
 * bottleneck), and every objective's status rolled up from its key results.
 */
import type { KeyResultFigures, ObjectiveFigures, Projection, Status } from '../analysis.js';
import type { KeyResultBehindArgs } from '../findings.js';
import { analyseActuals, type ActualEntry } from './actuals.js';
import type { AnalysisContext, KeyResultState } from './context.js';
import { expectedTotal } from './milestones.js';
import { bottleneck } from './projection.js';
import { exceeds, finiteOrNull, perDay } from './rates.js';

export function analyseProgress<S>(ctx: AnalysisContext<S>): KeyResultFigures[] {
    return ctx.keyResultStates.map(state => keyResultFigures(ctx, state));
}

function keyResultFigures<S>(ctx: AnalysisContext<S>, state: KeyResultState<S>): KeyResultFigures {
    const { input, period } = state;
    const target = input.target;
    const kind = !target ? 'qualitative' : target.per === null ? 'total' : 'rate';
    const targetValue = state.target?.value ?? null;
    const calendar = ctx.workingCalendar;
    const points = state.milestones;
    let expectedAt: ((day: number) => number | null) | undefined;
    if (kind === 'total') {
        expectedAt = day => period && calendar && points && targetValue !== null
            ? expectedTotal(points, period.workdays, targetValue, calendar.count(period.first, day))
            : null;
    }
    const { entries, latestActual } = analyseActuals(ctx, input.actuals, kind === 'rate' ? targetValue : null, {
        name: input.name,
        expectedAt,
        window: period,
        withExpected: kind !== 'qualitative'
    });
    const latest = entries.find(entry => entry.figures === latestActual) ?? null;
    const projection = project(ctx, state, kind, latest);
    if (kind !== 'qualitative') reportBehind(ctx, state, kind, entries, projection);

    const total = kind === 'total' && targetValue !== null && targetValue !== 0;
    return {
        name: input.name,
        objective: state.objective,
        process: input.via?.process ?? null,
        kind,
        unit: target?.unit ?? null,
        per: target?.per ?? null,
        target: state.target,
        period: periodText(ctx, state.objective),
        workdays: kind === 'total' ? period?.workdays ?? null : null,
        milestones: kind === 'total' && points ? points : [],
        progress: total && latestActual ? finiteOrNull(latestActual.value / (targetValue as number)) : null,
        expected: total && latestActual && latestActual.expected != null ? finiteOrNull(latestActual.expected / (targetValue as number)) : null,
        actuals: entries.map(entry => entry.figures),
        latestActual,
        status: latestActual?.status ?? 'none',
        projection
    };
}

function periodText<S>(ctx: AnalysisContext<S>, objective: string): string | null {
    const clause = ctx.input.objectives?.find(o => o.name === objective)?.period;
    if (!clause) return null;
    return clause.to === undefined ? clause.from : `${clause.from}..${clause.to}`;
}

function project<S>(ctx: AnalysisContext<S>, state: KeyResultState<S>, kind: KeyResultFigures['kind'], latest: ActualEntry<S> | null): Projection {
    const projection: Projection = { pace: null, value: null, limitedBy: null, deviation: null };
    const { period } = state;
    const calendar = ctx.workingCalendar;
    if (kind === 'total' && latest && latest.day !== null && period && calendar) {
        const elapsed = calendar.count(period.first, latest.day);
        projection.pace = elapsed === 0 ? null : finiteOrNull((latest.input.value * period.workdays) / elapsed);
    }
    const target = state.target?.value ?? null;
    const processName = state.input.via?.process;
    if (!state.rate || !processName || target === null) return projection;
    const limit = bottleneck(ctx, processName, period);
    if (!limit) return projection;
    const demand = (ctx.keyResultsVia.get(processName) ?? []).reduce((sum, other) => sum + (other.rate ? perDay(other.rate).value : 0), 0);
    if (!(demand > 0)) return projection;
    const share = perDay(state.rate).value / demand;
    const days = kind === 'total' ? period?.workdays ?? null : state.input.target?.per ? ctx.days(state.input.target.per) : null;
    if (days === null) return projection;
    projection.value = finiteOrNull(share * limit.perDay * days);
    projection.limitedBy = limit.stage;
    projection.deviation = projection.value === null || target === 0 ? null : finiteOrNull((projection.value - target) / target);
    const { deviation, value } = projection;
    if (deviation !== null && value !== null && ctx.tolerance !== null && exceeds(-deviation, ctx.tolerance) && state.input.target) {
        ctx.report('key-result-projected-short', 'warning', state.input.target.site, {
            keyResult: state.input.name,
            stage: limit.stage,
            projected: value,
            target,
            deviation,
            tolerance: ctx.tolerance,
            unit: state.input.target.unit,
            per: state.input.target.per,
            period: kind === 'total' ? period?.text : null
        });
    }
    return projection;
}

/** key-result-behind-plan on every counted check-in further behind than the tolerance. */
function reportBehind<S>(ctx: AnalysisContext<S>, state: KeyResultState<S>, kind: 'total' | 'rate', entries: ActualEntry<S>[], projection: Projection): void {
    const target = state.target?.value ?? null;
    for (const { input: actual, figures, counted } of entries) {
        const { deviation, expected } = figures;
        if (!counted || deviation === null || expected == null || ctx.tolerance === null || !exceeds(-deviation, ctx.tolerance)) continue;
        ctx.report('key-result-behind-plan', actual.cause !== undefined ? 'info' : 'warning', actual.site, {
            keyResult: state.input.name,
            kind,
            period: actual.period,
            actual: actual.value,
            expected,
            deviation,
            tolerance: ctx.tolerance,
            unit: state.input.target?.unit,
            per: state.input.target?.per,
            target,
            achievableTarget: target === null ? null : finiteOrNull((target * actual.value) / expected),
            ...staffing(ctx, state, projection, actual.value, expected)
        });
    }
}

type Staffing = Pick<KeyResultBehindArgs, 'stage' | 'team' | 'headcount' | 'neededHeadcount'>;

/** The stage to staff up: the one limiting the projection, else the via process's last stage with a team. */
function staffing<S>(ctx: AnalysisContext<S>, state: KeyResultState<S>, projection: Projection, actual: number, expected: number): Staffing {
    const process = state.input.via?.process ? ctx.processes.get(state.input.via.process) : undefined;
    if (!process) return {};
    const name = projection.limitedBy ?? [...process.stages].reverse().find(stage => ctx.stages.get(stage.name)?.team)?.name;
    const stage = name ? ctx.stages.get(name) : undefined;
    if (!stage?.team) return {};
    const result: Staffing = { stage: stage.input.name, team: stage.team.input.name };
    const headcount = stage.team.headcount;
    if (headcount !== null) {
        result.headcount = headcount;
        if (actual > 0) result.neededHeadcount = (headcount * expected) / actual;
    }
    return result;
}

const RANK: Record<Status, number> = { none: 0, 'on-track': 1, 'at-risk': 2, 'off-track': 3 };

/** Objectives (spec §8): the worst status of their key results, and the KPIs serving them. */
export function analyseObjectives<S>(ctx: AnalysisContext<S>, keyResults: KeyResultFigures[]): ObjectiveFigures[] {
    return (ctx.input.objectives ?? []).map(objective => {
        const own = keyResults.filter(keyResult => keyResult.objective === objective.name);
        const status = own.reduce<Status>((worst, keyResult) => (RANK[keyResult.status] > RANK[worst] ? keyResult.status : worst), 'none');
        const processes = new Set(own.map(keyResult => keyResult.process).filter((name): name is string => name !== null));
        const kpis = ctx.kpis.filter(kpi => kpi.stage !== null && processes.has(ctx.stages.get(kpi.stage)?.process.name ?? '')).map(kpi => kpi.name);
        return {
            name: objective.name,
            period: periodText(ctx, objective.name),
            workdays: ctx.objectivePeriods.get(objective.name)?.workdays ?? null,
            status,
            keyResults: own.map(keyResult => keyResult.name),
            kpis
        };
    });
}
