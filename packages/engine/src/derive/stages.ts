/**
 * Stage propagation (spec §4.2): the process demand is carried backwards from the last stage,
 * through each stage's flow clause, with cadence floors; then per-stage figures, cadence
 * shortfalls and capacity checks.
 */
import type { DerivationStep, StageFigures } from '../analysis.js';
import { div, exact, isFiniteFigure } from '../interval.js';
import type { ProcessInput, StageInput } from '../model.js';
import type { AnalysisContext, KeyResultState, StageState } from './context.js';
import { checkStageClauses } from './stage-clauses.js';
import { checkedRate, exceeds, finiteOrNull, flowBack, inDays, isBelow, maxRate, perDay, raises, sumRate, wholePeople, type Rate, type Requirement } from './rates.js';

/** A cadence below the requirement the key results give its stage, in the cadence's time unit. */
interface Shortfall {
    cadence: number;
    required: number;
}

export function analyseProcess<S>(ctx: AnalysisContext<S>, process: ProcessInput<S>, duplicatedStages: Set<string>): StageFigures[] {
    const keyResults = ctx.keyResultsVia.get(process.name) ?? [];
    if (keyResults.length === 0 && ctx.processes.has(process.name)) {
        ctx.report('process-without-key-result', 'info', process.nameSite, { process: process.name });
    }
    const stages = process.stages;
    const clauses = stages.map((_, index) => checkStageClauses(ctx, stages, index, process.broken === true));
    const { demand, demandSteps } = demandOf(keyResults);
    const requirements: Requirement[] = new Array(stages.length);
    const stepsOf: DerivationStep[][] = new Array(stages.length);
    const shortfalls: (Shortfall | null)[] = new Array(stages.length).fill(null);

    // Backwards from the process output: a stage's requirement comes from the stage after it.
    let carried: Requirement = demand;
    let carriedSteps = demandSteps;
    for (let index = stages.length - 1; index >= 0; index--) {
        const stage = stages[index];
        const { sound, flow, cadence } = clauses[index];
        const before: Requirement = sound ? carried : 'poisoned';
        let requirement = before;
        let steps = carriedSteps;
        if (cadence === 'poisoned') {
            requirement = 'poisoned'; // the requirement depends on the broken cadence
        } else if (cadence && stage.cadence && before !== 'poisoned') {
            // The floor; it never rescues a poisoned requirement.
            requirement = before === 'none' ? cadence : checkedRate(maxRate(before, cadence)) ?? 'poisoned';
            if (requirement !== 'poisoned' && (before === 'none' || raises(cadence, before))) {
                steps = [...steps, {
                    kind: 'cadence',
                    amount: cadence.amount,
                    per: stage.cadence.per,
                    perDay: perDay(cadence),
                    before: before === 'none' ? null : perDay(before),
                    result: perDay(requirement)
                }];
            }
            // Only key results give a requirement to fall short of (a cadence-only process has none).
            if (demand !== 'none' && before !== 'none' && isBelow(cadence, before)) {
                shortfalls[index] = { cadence: cadence.amount.value, required: inDays(before, cadence.days).value };
            }
        }
        requirements[index] = requirement;
        stepsOf[index] = typeof requirement === 'string' ? [] : steps;
        if (index === 0) break;

        // Carry the requirement to the previous stage through this stage's flow clause.
        if (requirement === 'poisoned' || flow === 'poisoned' || flow === null || typeof stage.output !== 'string') {
            carried = 'poisoned';
            carriedSteps = [];
        } else if (requirement === 'none') {
            carried = 'none';
            carriedSteps = [];
        } else {
            const previous = checkedRate(flowBack(requirement, flow));
            carried = previous ?? 'poisoned';
            carriedSteps = previous === null ? [] : [...steps, {
                kind: 'flow',
                fromStage: stage.name,
                fromUnit: stage.output,
                flow: flow.kind,
                factor: flow.factor,
                result: perDay(previous)
            }];
        }
    }

    return stages.map((stage, index) => {
        const state = stageState(ctx, process, stage, requirements[index], stepsOf[index]);
        const shortfall = shortfalls[index];
        if (shortfall && stage.cadence) {
            ctx.report('cadence-below-plan', 'warning', stage.cadence.site, { stage: stage.name, unit: stage.output, ...shortfall, per: stage.cadence.per });
        }
        checkCapacity(ctx, state, clauses[index].capacity);
        if (!duplicatedStages.has(stage.name)) ctx.stages.set(stage.name, state);
        return state.figures;
    });
}

/** The sum of the targets of the key results going via a process; poisoned when any of them is broken. */
function demandOf<S>(keyResults: KeyResultState<S>[]): { demand: Requirement; demandSteps: DerivationStep[] } {
    if (keyResults.length === 0) return { demand: 'none', demandSteps: [] };
    let total: Rate | null = null;
    const parts: Extract<DerivationStep, { kind: 'demand' }>['keyResults'] = [];
    for (const { input, rate, period } of keyResults) {
        const target = input.target;
        if (!rate || !target?.unit) return { demand: 'poisoned', demandSteps: [] };
        const part: Extract<DerivationStep, { kind: 'demand' }>['keyResults'][number] = { name: input.name, amount: rate.amount, per: target.per, unit: target.unit, perDay: perDay(rate) };
        if (target.per === null && period) {
            part.period = period.text;
            part.workdays = period.workdays;
        }
        parts.push(part);
        total = total ? sumRate(total, rate) : rate;
    }
    const demand = total && checkedRate(total);
    if (!demand) return { demand: 'poisoned', demandSteps: [] };
    return { demand, demandSteps: [{ kind: 'demand', keyResults: parts, result: perDay(demand) }] };
}

function stageState<S>(ctx: AnalysisContext<S>, process: ProcessInput<S>, stage: StageInput<S>, requirement: Requirement, steps: DerivationStep[]): StageState<S> {
    const rate = typeof requirement === 'string' ? null : requirement;
    const team = ctx.teamOf(stage);
    const effectiveHeadcount = ctx.effectiveHeadcount(stage, team);
    const dayFigure = rate && perDay(rate);
    const perMonth = rate && ctx.workdaysPerMonth !== null ? finiteOrNull(inDays(rate, ctx.workdaysPerMonth)) : null;
    const perPersonPerDay = dayFigure && effectiveHeadcount !== null ? finiteOrNull(div(dayFigure, exact(effectiveHeadcount))) : null;
    const figures: StageFigures = {
        name: stage.name,
        process: process.name,
        unit: typeof stage.output === 'string' ? stage.output : null,
        perDay: dayFigure,
        perMonth,
        team: stage.team?.team ?? null,
        effectiveHeadcount,
        share: ctx.stageShares.get(stage) ?? null,
        perPersonPerDay,
        steps
    };
    return { input: stage, process, requirement, figures, team };
}

/** over-capacity: one person's share of the requirement exceeds what one person can sustain. */
function checkCapacity<S>(ctx: AnalysisContext<S>, state: StageState<S>, capacity: Rate | null): void {
    const { requirement, team, figures, input: stage } = state;
    const effectiveHeadcount = figures.effectiveHeadcount;
    if (!capacity || !stage.capacity || typeof requirement === 'string' || !team || effectiveHeadcount === null) return;
    const total = inDays(requirement, capacity.days);
    const perPerson = div(total, exact(effectiveHeadcount));
    if (!isFiniteFigure(perPerson) || !exceeds(perPerson.value, capacity.amount.value)) return;
    // What one head of the team gives the stage at full capacity.
    const perHead = capacity.amount.value * (team.availability ?? 1) * (figures.share ?? 1);
    ctx.report('over-capacity', 'error', stage.capacity.site, {
        stage: stage.name,
        team: team.input.name,
        unit: figures.unit,
        perPerson: perPerson.value,
        capacity: capacity.amount.value,
        per: stage.capacity.per,
        headcount: team.headcount,
        neededHeadcount: perHead > 0 ? wholePeople(total.value / perHead) : null
    });
}
