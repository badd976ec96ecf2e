/**
 * The derivation of a figure, step by step, in words: what hovers and hint tooltips show.
 * Everything is read from the engine's figures; nothing is computed here but the display of
 * per-day rates per month (the engine works per working day; people think per month).
 */
import { formatNumber, roundUpTarget, scale, workingDays, type DerivationStep, type Figure, type KpiFigures, type ResolvedCalendar, type StageFigures, type TimeUnit } from '@okr-plan/engine';
import type { Messages } from '../i18n/messages.js';

export interface ExplainContext {
    messages: Messages;
    unitLabels: ReadonlyMap<string, string>;
    calendar: ResolvedCalendar;
    /** Every stage of the workspace, for the unit each step of a derivation is in. */
    stages: readonly StageFigures[];
}

/** `31.7`, or `2000 (1800–2200)` for a range. */
export function showFigure(figure: Figure): string {
    return figure.low === figure.high ? formatNumber(figure.value) : `${formatNumber(figure.value)} (${formatNumber(figure.low)}–${formatNumber(figure.high)})`;
}

/** The stage's requirement, one line per step, per month. */
export function explainStage(stage: StageFigures, context: ExplainContext): string[] {
    const { messages } = context;
    const words = messages.explainWords();
    const label = (unit: string) => context.unitLabels.get(unit) ?? unit;
    const perMonth = (figure: Figure) => scale(figure, context.calendar.workdaysPerMonth);
    const monthly = (unit: string | null) => (unit === null ? '' : ` ${messages.rateUnit(label(unit), false, 'month')}`);
    // Each step is in the unit of the stage the derivation has reached: the demand in the
    // process output, then after each flow the output of the stage before.
    const process = context.stages.filter(candidate => candidate.process === stage.process);
    let unit = process.at(-1)?.unit ?? stage.unit;
    const lines: string[] = [];
    for (const step of stage.steps) {
        if (step.kind === 'flow') {
            const from = process.findIndex(candidate => candidate.name === step.fromStage);
            unit = from > 0 ? process[from - 1].unit : stage.unit;
        }
        lines.push(explainStep(step, unit, words, messages, label, perMonth, monthly));
    }
    return lines;
}

function explainStep(
    step: DerivationStep,
    unit: string | null,
    words: ReturnType<Messages['explainWords']>,
    messages: Messages,
    label: (unit: string) => string,
    perMonth: (figure: Figure) => Figure,
    monthly: (unit: string | null) => string
): string {
    switch (step.kind) {
        case 'demand': {
            const parts = step.keyResults.map(keyResult => {
                // A total is spread over its period's working days (spec §8).
                const own = keyResult.per === null
                    ? `${showFigure(keyResult.amount)} ${label(keyResult.unit)} / ${words.workingDays(formatNumber(keyResult.workdays ?? 0))}${keyResult.period ? ` (${keyResult.period})` : ''}`
                    : `${showFigure(keyResult.amount)} ${messages.rateUnit(label(keyResult.unit), false, keyResult.per)}`;
                const converted = keyResult.per === 'month' ? '' : ` = ${showFigure(perMonth(keyResult.perDay))}${monthly(keyResult.unit)}`;
                return `${keyResult.name}: ${own}${converted}`;
            });
            const total = step.keyResults.length > 1 ? `; ${words.total} ${showFigure(perMonth(step.result))}${monthly(unit)}` : '';
            return `${words.keyResults(step.keyResults.length)} ${parts.join(' + ')}${total}`;
        }
        case 'flow': {
            const fromLabel = label(step.fromUnit);
            const result = `${showFigure(perMonth(step.result))}${monthly(unit)}`;
            const thisLabel = unit === null ? '' : label(unit);
            switch (step.flow) {
                // A ratio's "per" unit reads best by its name: `m²/house`, not `m²/houses`.
                case 'needs': return `× ${showFigure(step.factor)} ${thisLabel}/${step.fromUnit} (${words.needsOf(step.fromStage)}) = ${result}`;
                case 'yields': return `÷ ${showFigure(step.factor)} ${fromLabel}/${unit ?? ''} (${words.yieldsOf(step.fromStage)}) = ${result}`;
                case 'conversion': return `÷ ${showPercent(step.factor)} (${words.conversionTo(step.fromStage)}) = ${result}`;
            }
            return result;
        }
        case 'cadence': {
            const cadence = `${showFigure(step.amount)} ${messages.rateUnit(unit === null ? '' : label(unit), false, step.per)}`;
            const result = `${showFigure(perMonth(step.result))}${monthly(unit)}`;
            return step.before === null ? words.cadenceSets(cadence, result) : words.cadenceRaises(cadence, `${showFigure(perMonth(step.before))}`, result);
        }
    }
}

/** The KPI's derivation: its stage's steps, then per person and per time unit, then the target to set. */
export function explainKpi(kpi: KpiFigures, stage: StageFigures | undefined, team: { headcount: number | null; availability: number } | undefined, context: ExplainContext): string[] {
    if (!kpi.figure || !stage?.perDay) return [];
    const { messages, calendar } = context;
    const words = messages.explainWords();
    const output = kpi.outputUnit === null ? '' : context.unitLabels.get(kpi.outputUnit) ?? kpi.outputUnit;
    const lines = explainStage(stage, context);
    let perMonth = scale(stage.perDay, calendar.workdaysPerMonth);
    if (kpi.perPerson && stage.effectiveHeadcount) {
        perMonth = scale(perMonth, 1 / stage.effectiveHeadcount);
        const factors: string[] = [];
        if (team?.headcount !== null && team?.headcount !== undefined) factors.push(words.headcount(formatNumber(team.headcount)));
        if (team && team.availability !== 1) factors.push(words.availability(formatNumber(team.availability * 100)));
        if (stage.share !== null && stage.share !== 1) factors.push(words.share(formatNumber(stage.share * 100)));
        const how = factors.length > 1 ? ` (${factors.join(' × ')})` : '';
        lines.push(`÷ ${words.people(formatNumber(stage.effectiveHeadcount))}${how} = ${showFigure(perMonth)} ${messages.rateUnit(output, true, 'month')}`);
    }
    const rateUnit = messages.rateUnit(output, kpi.perPerson, kpi.timeUnit);
    const days = workingDays(kpi.timeUnit, calendar);
    if (kpi.timeUnit !== 'month') {
        const operation = kpi.timeUnit === 'day' ? `÷ ${words.workingDays(formatNumber(calendar.workdaysPerMonth))}` : timeUnitOperation(kpi.timeUnit, days, calendar, words);
        lines.push(`${operation} = ${showFigure(kpi.figure)} ${rateUnit}`);
    }
    const suggested = roundUpTarget(kpi.figure.value);
    if (suggested !== null && suggested !== kpi.figure.value) lines.push(`→ ${words.setTarget(formatNumber(suggested))}`);
    return lines;
}

function timeUnitOperation(unit: TimeUnit, days: number, calendar: ResolvedCalendar, words: ReturnType<Messages['explainWords']>): string {
    switch (unit) {
        case 'week': return `× ${words.weekOfMonth(formatNumber(calendar.workdaysPerWeek), formatNumber(calendar.workdaysPerMonth))}`;
        case 'quarter': return '× 3';
        case 'year': return '× 12';
        default: return `× ${formatNumber(days / calendar.workdaysPerMonth)}`;
    }
}



function showPercent(figure: Figure): string {
    const pct = (x: number) => `${formatNumber(x * 100)}%`;
    return figure.low === figure.high ? pct(figure.value) : `${pct(figure.low)}..${pct(figure.high)}`;
}
