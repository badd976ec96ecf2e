/**
 * Key results (spec §4.1, §8): each one's target as a rate, and which process it goes via. A
 * total (a target without `per`) is spread over its objective's period: target / W(period)
 * per working day. Its milestones are checked here; figures and check-ins come later
 * (progress.ts), once the stages and KPIs are known.
 */
import type { KeyResultInput, ProcessInput } from '../model.js';
import { duplicatedNames, type AnalysisContext, type KeyResultState } from './context.js';
import { checkMilestones } from './milestones.js';
import { checkedRate } from './rates.js';

export function analyseKeyResults<S>(ctx: AnalysisContext<S>): void {
    const duplicated = duplicatedNames(ctx.input.processes);
    for (const process of ctx.input.processes) {
        if (!duplicated.has(process.name)) ctx.processes.set(process.name, process);
    }
    for (const keyResult of ctx.input.keyResults) {
        const state = analyseKeyResult(ctx, keyResult);
        ctx.keyResultStates.push(state);
        const processName = keyResult.via?.process;
        if (processName) {
            const list = ctx.keyResultsVia.get(processName);
            if (list) list.push(state);
            else ctx.keyResultsVia.set(processName, [state]);
        }
    }
}

/** The objective a key result belongs to: given, or the first segment of `Objective.KeyResult`. */
export function objectiveOf<S>(keyResult: KeyResultInput<S>): string {
    if (keyResult.objective !== undefined) return keyResult.objective;
    const dot = keyResult.name.indexOf('.');
    return dot < 0 ? keyResult.name : keyResult.name.slice(0, dot);
}

function analyseKeyResult<S>(ctx: AnalysisContext<S>, keyResult: KeyResultInput<S>): KeyResultState<S> {
    const { target, via } = keyResult;
    const objective = objectiveOf(keyResult);
    const period = ctx.objectivePeriods.get(objective) ?? null;
    const state: KeyResultState<S> = { input: keyResult, objective, target: null, rate: null, period, milestones: null };
    // Half written: its target is not known, so neither is its process's demand; nothing to say about it yet.
    if (keyResult.broken) return state;
    const process = via?.process ? ctx.processes.get(via.process) : undefined;
    if (via && !target) {
        ctx.report('missing-target', 'error', keyResult.nameSite, { keyResult: keyResult.name, process: via.process });
    }
    if (!target) {
        checkMilestones(ctx, state);
        return state;
    }

    const total = target.per === null;
    const amount = ctx.quantity(target.amount, 'key-result-target', 'non-negative', { single: total });
    state.target = amount;
    const output = process ? processOutput(process) : null;
    let unitMatches = target.unit !== null;
    if (target.unit !== null && output !== null && target.unit !== output) {
        unitMatches = false;
        ctx.report('unit-mismatch', 'error', target.site, {
            what: 'key-result-target',
            found: target.unit,
            expected: output,
            keyResult: keyResult.name,
            process: process?.name
        });
    }
    let days: number | null;
    if (target.per !== null) {
        days = ctx.days(target.per);
    } else {
        if (!ctx.objectivePeriods.has(objective)) ctx.report('missing-period', 'error', target.site, { keyResult: keyResult.name, objective });
        days = period?.workdays ?? null;
    }
    checkMilestones(ctx, state);
    state.rate = amount && unitMatches && days !== null ? checkedRate({ amount, days }) : null;
    return state;
}

/** The process output: the last stage's output unit, null when unknown. */
export function processOutput<S>(process: ProcessInput<S>): string | null {
    if (process.broken) return null;
    const output = process.stages[process.stages.length - 1]?.output;
    return typeof output === 'string' ? output : null;
}
