/** A stage's own clauses, checked once before the backward pass: output, flow, cadence, capacity. */
import type { RateInput, StageInput } from '../model.js';
import type { AnalysisContext } from './context.js';
import { checkedRate, type FlowFactor, type Rate } from './rates.js';

/** What the stage's clauses give the backward pass. */
export interface StageClauses {
    /** False when the stage's own requirement cannot be derived (broken, no output). */
    sound: boolean;
    /** How the requirement flows to the previous stage; null for the first stage. */
    flow: FlowFactor | 'poisoned' | null;
    cadence: Rate | 'poisoned' | null;
    capacity: Rate | null;
}

/** Checks a stage's own clauses, reporting their errors, and says what the backward pass may use. */
export function checkStageClauses<S>(ctx: AnalysisContext<S>, stages: StageInput<S>[], index: number, inBrokenProcess: boolean): StageClauses {
    const stage = stages[index];
    // A stage (or process) with a syntax error inside it: nothing is derived from it, and nothing said about its numbers.
    if (stage.broken || inBrokenProcess) return { sound: false, flow: 'poisoned', cadence: 'poisoned', capacity: null };
    if (stage.output === undefined) ctx.report('missing-output', 'error', stage.nameSite, { stage: stage.name });
    const output = typeof stage.output === 'string' ? stage.output : null;

    let flow: StageClauses['flow'] = null;
    if (index > 0) flow = checkFlow(ctx, stage, stages[index - 1]);
    else if (stage.flow) ctx.report('flow-on-first-stage', 'error', stage.flow.site, { stage: stage.name, flow: stage.flow.kind });

    const cadence = stage.cadence ? checkRate(ctx, stage.cadence, 'cadence', stage, output) : null;
    const capacity = stage.capacity ? checkRate(ctx, stage.capacity, 'capacity', stage, output) : null;
    return {
        sound: !stage.broken && output !== null,
        flow,
        cadence,
        capacity: capacity === 'poisoned' ? null : capacity
    };
}

function checkFlow<S>(ctx: AnalysisContext<S>, stage: StageInput<S>, previous: StageInput<S>): FlowFactor | 'poisoned' {
    const flow = stage.flow;
    if (!flow) {
        ctx.report('missing-flow', 'error', stage.nameSite, {
            stage: stage.name,
            previousStage: previous.name,
            unit: stage.output,
            previousUnit: previous.output
        });
        return 'poisoned';
    }
    if (flow.kind === 'conversion') {
        const factor = ctx.quantity(flow.rate, 'conversion', 'fraction');
        return factor ? { kind: 'conversion', factor } : 'poisoned';
    }
    const factor = ctx.quantity(flow.amount, flow.kind, 'positive');
    // needs N <previous> per <this>; yields N <this> per <previous>.
    const expected = flow.kind === 'needs' ? [previous.output, stage.output] : [stage.output, previous.output];
    const written = [flow.unit, flow.perUnit];
    let unitsMatch = true;
    for (const side of [0, 1]) {
        const found = written[side];
        const wanted = expected[side];
        if (found === null) {
            unitsMatch = false; // unresolved: the caller reports it
        } else if (typeof wanted === 'string' && found !== wanted) {
            unitsMatch = false;
            ctx.report('unit-mismatch', 'error', flow.site, {
                what: flow.kind,
                found,
                expected: wanted,
                stage: stage.name,
                position: side === 0 ? 'unit' : 'per-unit',
                previousStage: previous.name
            });
        }
    }
    return factor && unitsMatch ? { kind: flow.kind, factor } : 'poisoned';
}

/** A cadence or capacity: a valid amount, in the stage's output unit, per a usable time unit. */
function checkRate<S>(ctx: AnalysisContext<S>, rate: RateInput<S>, what: 'cadence' | 'capacity', stage: StageInput<S>, output: string | null): Rate | 'poisoned' {
    const amount = ctx.quantity(rate.amount, what, 'non-negative');
    let unitMatches = rate.unit !== null;
    if (rate.unit !== null && output !== null && rate.unit !== output) {
        unitMatches = false;
        ctx.report('unit-mismatch', 'error', rate.site, { what, found: rate.unit, expected: output, stage: stage.name });
    }
    const days = ctx.days(rate.per);
    if (!amount || !unitMatches || days === null) return 'poisoned';
    return checkedRate({ amount, days }) ?? 'poisoned';
}
