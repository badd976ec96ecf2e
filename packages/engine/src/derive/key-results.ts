/** Key results (spec §4.1): each one's target as a rate, and which process it goes via. */
import type { KeyResultFigures } from '../analysis.js';
import type { KeyResultInput, ProcessInput } from '../model.js';
import { analyseActuals } from './actuals.js';
import { duplicatedNames, type AnalysisContext, type KeyResultState } from './context.js';
import { checkedRate } from './rates.js';

export function analyseKeyResults<S>(ctx: AnalysisContext<S>): KeyResultFigures[] {
    const duplicated = duplicatedNames(ctx.input.processes);
    for (const process of ctx.input.processes) {
        if (!duplicated.has(process.name)) ctx.processes.set(process.name, process);
    }
    return ctx.input.keyResults.map(keyResult => {
        const state = analyseKeyResult(ctx, keyResult);
        const processName = keyResult.via?.process;
        if (processName) {
            const list = ctx.keyResultsVia.get(processName);
            if (list) list.push(state);
            else ctx.keyResultsVia.set(processName, [state]);
        }
        const target = keyResult.target;
        const { entries, latestActual } = analyseActuals(ctx, keyResult.actuals, state.target?.value ?? null);
        return {
            name: keyResult.name,
            process: processName ?? null,
            unit: target?.unit ?? null,
            per: target?.per ?? null,
            target: state.target,
            actuals: entries.map(entry => entry.figures),
            latestActual,
            status: latestActual?.status ?? 'none'
        };
    });
}

function analyseKeyResult<S>(ctx: AnalysisContext<S>, keyResult: KeyResultInput<S>): KeyResultState<S> {
    const { target, via } = keyResult;
    // Half written: its target is not known, so neither is its process's demand; nothing to say about it yet.
    if (keyResult.broken) return { input: keyResult, target: null, rate: null };
    const process = via?.process ? ctx.processes.get(via.process) : undefined;
    if (via && !target) {
        ctx.report('missing-target', 'error', keyResult.nameSite, { keyResult: keyResult.name, process: via.process });
    }
    if (!target) return { input: keyResult, target: null, rate: null };

    const amount = ctx.quantity(target.amount, 'key-result-target', 'non-negative');
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
    const days = ctx.days(target.per);
    const rate = amount && unitMatches && days !== null ? checkedRate({ amount, days }) : null;
    return { input: keyResult, target: amount, rate };
}

/** The process output: the last stage's output unit, null when unknown. */
export function processOutput<S>(process: ProcessInput<S>): string | null {
    if (process.broken) return null;
    const output = process.stages[process.stages.length - 1]?.output;
    return typeof output === 'string' ? output : null;
}
