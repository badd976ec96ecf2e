/**
 * KPI figures (spec §4.3–§4.6): the stage requirement per person and per the KPI's time unit,
 * its plan, spread and rounded-up target, its actuals, and the KPI findings of §5.
 */
import type { Figure, KpiFigures } from '../analysis.js';
import type { BehindPlanArgs } from '../findings.js';
import { roundUpTarget } from '../format.js';
import { div, exact } from '../interval.js';
import type { KpiInput, TimeUnit } from '../model.js';
import { analyseActuals } from './actuals.js';
import type { AnalysisContext, StageState } from './context.js';
import { exceeds, finiteOrNull, inDays } from './rates.js';

export function analyseKpi<S>(ctx: AnalysisContext<S>, kpi: KpiInput<S>): KpiFigures {
    const perPerson = kpi.per?.perPerson ?? false;
    const timeUnit = kpi.per?.timeUnit ?? 'month';
    if (!kpi.of) ctx.report('kpi-without-process', 'warning', kpi.nameSite, { kpi: kpi.name });
    const state = (kpi.of?.stage && ctx.stages.get(kpi.of.stage)) || null;
    if (state && kpi.of) {
        if (!ctx.keyResultsVia.has(state.process.name)) {
            ctx.report('kpi-without-key-result', 'warning', kpi.of.site, { kpi: kpi.name, stage: state.input.name, process: state.process.name });
        }
        if (kpi.per?.perPerson && !state.input.team) {
            ctx.report('kpi-needs-team', 'error', kpi.per.site, { kpi: kpi.name, stage: state.input.name });
        }
    }
    const outputUnit = state?.figures.unit ?? null;
    const unit = outputUnit === null ? null : `${outputUnit}${perPerson ? '/person' : ''}/${timeUnit}`;
    const figure = kpiFigure(ctx, state, perPerson, timeUnit);
    const spread = figure && figure.value !== 0 ? finiteOrNull((figure.high - figure.low) / figure.value) : null;
    checkUncertainWork(ctx, kpi, state, figure, spread, unit);

    // An invalid hand-set target spoils the plan rather than falling back to the derived value.
    const target = kpi.target ? ctx.singleQuantity({ low: kpi.target.value, high: kpi.target.value, site: kpi.target.site }, 'kpi-target', 'non-negative') : null;
    const plan = kpi.target ? target : figure?.value ?? null;
    if (kpi.target && target !== null && figure && exceeds(figure.low, target)) {
        ctx.report('kpi-target-below-plan', 'warning', kpi.target.site, {
            kpi: kpi.name,
            target,
            low: figure.low,
            value: figure.value,
            shortfall: (figure.low - target) / figure.low,
            suggested: roundUpTarget(figure.value),
            unit
        });
    }

    const { entries, latestActual } = analyseActuals(ctx, kpi.actuals, plan, { name: kpi.name });
    for (const { input: actual, figures, counted } of entries) {
        const deviation = figures.deviation;
        if (!counted) continue;
        if (deviation === null || plan === null || ctx.tolerance === null || !exceeds(-deviation, ctx.tolerance)) continue;
        ctx.report('kpi-behind-plan', actual.cause !== undefined ? 'info' : 'warning', actual.site, {
            kpi: kpi.name,
            period: actual.period,
            actual: actual.value,
            plan,
            deviation,
            tolerance: ctx.tolerance,
            unit,
            ...behindPlanFixes(ctx, state, perPerson, figure, actual.value, plan)
        });
    }

    return {
        name: kpi.name,
        stage: state?.input.name ?? null,
        unit,
        outputUnit,
        perPerson,
        timeUnit,
        figure,
        target,
        plan,
        spread,
        suggestedTarget: figure && roundUpTarget(figure.value),
        actuals: entries.map(entry => entry.figures),
        latestActual,
        status: latestActual?.status ?? 'none'
    };
}

/** The stage requirement in the KPI's time unit, per person when asked. */
function kpiFigure<S>(ctx: AnalysisContext<S>, state: StageState<S> | null, perPerson: boolean, timeUnit: TimeUnit): Figure | null {
    const days = ctx.days(timeUnit);
    if (!state || typeof state.requirement === 'string' || days === null) return null;
    const total = inDays(state.requirement, days);
    if (!perPerson) return finiteOrNull(total);
    const effectiveHeadcount = state.figures.effectiveHeadcount;
    return effectiveHeadcount === null ? null : finiteOrNull(div(total, exact(effectiveHeadcount)));
}

function checkUncertainWork<S>(ctx: AnalysisContext<S>, kpi: KpiInput<S>, state: StageState<S> | null, figure: Figure | null, spread: number | null, unit: string | null): void {
    if (!state) return;
    const nonstandard = state.input.nonstandard ? 'stage' : state.process.nonstandard ? 'process' : null;
    if (nonstandard) {
        ctx.report('kpi-on-uncertain-work', 'warning', kpi.nameSite, { kpi: kpi.name, stage: state.input.name, reason: 'nonstandard', nonstandard });
    } else if (figure && spread !== null && ctx.uncertainty !== null && exceeds(spread, ctx.uncertainty)) {
        ctx.report('kpi-on-uncertain-work', 'warning', kpi.nameSite, {
            kpi: kpi.name,
            stage: state.input.name,
            reason: 'spread',
            spread,
            limit: ctx.uncertainty,
            low: figure.low,
            value: figure.value,
            high: figure.high,
            unit
        });
    }
}

type FixArgs = Pick<BehindPlanArgs, 'stage' | 'keyResultCount' | 'team' | 'headcount' | 'neededHeadcount' | 'keyResult' | 'achievableTarget' | 'keyResultUnit' | 'keyResultPer'>;

/** What the three fixes of kpi-behind-plan need: more people, a lower key result, or a cause. */
function behindPlanFixes<S>(ctx: AnalysisContext<S>, state: StageState<S> | null, perPerson: boolean, figure: Figure | null, actual: number, plan: number): FixArgs {
    if (!state) return {};
    const keyResults = ctx.keyResultsVia.get(state.process.name) ?? [];
    const fixes: FixArgs = { stage: state.input.name, keyResultCount: keyResults.length };
    if (state.figures.team !== null) fixes.team = state.figures.team;
    const headcount = state.team?.headcount ?? null;
    if (state.team && headcount !== null) {
        fixes.headcount = headcount;
        if (perPerson && actual > 0) fixes.neededHeadcount = (headcount * plan) / actual;
    }
    const [only] = keyResults;
    const target = only?.input.target;
    // The key result fix makes sense only while the KPI is derived from that one key result.
    if (keyResults.length === 1 && only.target && target && figure && target.unit !== null) {
        fixes.keyResult = only.input.name;
        fixes.achievableTarget = (only.target.value * actual) / plan;
        fixes.keyResultUnit = target.unit;
        if (target.per) fixes.keyResultPer = target.per;
    }
    return fixes;
}
