/**
 * The bottleneck projection (spec §8): each stage's actual pace from the latest check-in of a
 * KPI on it, carried forward to the process output through the later stages' flow clauses;
 * the smallest is the projected output, and its stage limits it.
 */
import type { ActualFigures } from '../analysis.js';
import { formatDay } from '../period.js';
import type { AnalysisContext, ObjectivePeriod } from './context.js';
import { exceeds } from './rates.js';

export interface Bottleneck {
    stage: string;
    /** Projected process output per working day. */
    perDay: number;
}

export function bottleneck<S>(ctx: AnalysisContext<S>, processName: string, window: ObjectivePeriod | null): Bottleneck | null {
    const process = ctx.processes.get(processName);
    if (!process) return null;
    const [first, last] = window ? [formatDay(window.first), formatDay(window.last)] : [null, null];
    let best: Bottleneck | null = null;
    process.stages.forEach((stage, index) => {
        const state = ctx.stages.get(stage.name);
        // A stage whose requirement is not derived depends on an error (or on nothing): it takes no part.
        if (!state || state.figures.perDay === null) return;
        ctx.kpisByStage(stage.name).forEach(figures => {
            const latest = latestInside(figures.actuals, first, last);
            const days = ctx.days(figures.timeUnit);
            if (!latest || days === null) return;
            const people = figures.perPerson ? state.figures.effectiveHeadcount : 1;
            if (people === null) return;
            let pace = (latest.value * people) / days;
            for (const later of process.stages.slice(index + 1)) {
                const flow = later.flow;
                if (!flow) return;
                const factor = flow.kind === 'conversion' ? (flow.rate.low + flow.rate.high) / 2 : (flow.amount.low + flow.amount.high) / 2;
                if (!(factor > 0)) return;
                pace = flow.kind === 'needs' ? pace / factor : pace * factor;
            }
            if (!Number.isFinite(pace)) return;
            if (best === null || exceeds(best.perDay, pace)) best = { stage: stage.name, perDay: pace };
        });
    });
    return best;
}

/** The latest valid, non-repeated check-in dated inside [first, last] (any, without a window). */
function latestInside(actuals: ActualFigures[], first: string | null, last: string | null): ActualFigures | null {
    let latest: ActualFigures | null = null;
    for (const actual of actuals) {
        if (actual.day === undefined || actual.duplicate || !(actual.value >= 0)) continue;
        if (first !== null && last !== null && (actual.day < first || actual.day > last)) continue;
        if (latest === null || actual.day >= (latest.day as string)) latest = actual;
    }
    return latest;
}
