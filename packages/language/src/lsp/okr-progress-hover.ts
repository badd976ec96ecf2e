/**
 * The plan over time in hovers (spec §8): a key result's target, period, progress against
 * expected, status, latest check-ins and projection, and a text sparkline of actuals against
 * plan for key results and KPIs. Every number comes from the engine; this only words it.
 */
import { formatNumber, formatPercent, sparkline, type ActualFigures, type KeyResultFigures, type KpiFigures } from '@okr-plan/engine';
import type { Messages } from '../i18n/messages.js';
import { showFigure } from '../plan/plan-explanation.js';
import type { WorkspacePlan } from '../plan/plan-workspace.js';

/** How many check-ins a hover lists. */
const LATEST = 3;

/** Check-ins with a date and a plan to compare with, in date order (the text order on a tie). */
function dated(actuals: ActualFigures[]): ActualFigures[] {
    return actuals
        .map((actual, index) => ({ actual, index }))
        .filter(({ actual }) => actual.day !== undefined && !actual.duplicate && !actual.outsidePeriod)
        .sort((a, b) => (a.actual.day! < b.actual.day! ? -1 : a.actual.day! > b.actual.day! ? 1 : a.index - b.index))
        .map(({ actual }) => actual);
}

/** A check-in of a trend: its actual against what the plan said then. */
export interface TrendPoint {
    period: string;
    actual: number;
    plan: number;
    status: ActualFigures['status'];
}

/** The check-ins to draw as a trend, in date order, each with its plan; empty with fewer than two. */
export function trendPoints(actuals: ActualFigures[], planOf: (actual: ActualFigures) => number | null): TrendPoint[] {
    const points = dated(actuals).flatMap(actual => {
        const plan = planOf(actual);
        return plan === null ? [] : [{ period: actual.period, actual: actual.value, plan, status: actual.status }];
    });
    return points.length < 2 ? [] : points;
}

/** "`▃▅▆` · `▄▅▇`": actuals and plan on one scale; undefined with fewer than two check-ins. */
export function trendLine(messages: Messages, actuals: ActualFigures[], planOf: (actual: ActualFigures) => number | null): string | undefined {
    const points = trendPoints(actuals, planOf);
    if (points.length < 2) return undefined;
    const top = Math.max(...points.flatMap(point => [point.actual, point.plan]));
    return `${messages.hoverWords().trend}: \`${sparkline(points.map(p => p.actual), top)}\` · \`${sparkline(points.map(p => p.plan), top)}\``;
}

export function keyResultSections(messages: Messages, keyResult: KeyResultFigures, plan: WorkspacePlan, escape: (text: string) => string): string[] {
    const words = messages.hoverWords();
    const status = messages.statusWords();
    const sections: string[] = [];
    const label = keyResult.unit === null ? '' : plan.unitLabels.get(keyResult.unit) ?? keyResult.unit;
    if (keyResult.target) {
        const amount = `${showFigure(keyResult.target)} ${keyResult.per ? messages.rateUnit(label, false, keyResult.per) : label}`;
        const target = keyResult.kind === 'total' && keyResult.period && keyResult.workdays !== null
            ? words.total(amount, keyResult.period, formatNumber(keyResult.workdays))
            : amount;
        const parts = [`**${escape(target)}**`];
        if (keyResult.process) parts.push(escape(words.via(keyResult.process)));
        if (keyResult.kind === 'rate' && keyResult.period) parts.push(escape(keyResult.period));
        sections.push(parts.join(' · '));
    }
    const facts = [`${status.status}: **${status.statuses[keyResult.status]}**`];
    if (keyResult.progress !== null) {
        const percent = (x: number) => `${formatNumber(x * 100)}%`;
        facts.push(`${status.progress}: ${status.progressOf(percent(keyResult.progress), keyResult.expected === null ? null : percent(keyResult.expected))}`);
    }
    sections.push(facts.join(' · '));
    const checkIns = dated(keyResult.actuals).slice(-LATEST).reverse();
    if (checkIns.length > 0) {
        const lines = checkIns.map(actual => {
            const against = actual.expected == null ? '' : `, ${status.expected.toLowerCase()} ${formatNumber(actual.expected)}`;
            const deviation = actual.deviation === null ? '' : `, ${formatPercent(actual.deviation)}`;
            const cause = actual.cause ? ` — ${words.cause(escape(actual.cause))}` : '';
            return `- ${actual.period}: ${formatNumber(actual.value)}${against}${deviation} (${status.statuses[actual.status]})${cause}`;
        });
        sections.push(`${words.checkIns}:\n\n${lines.join('\n')}`);
    }
    const trend = trendLine(messages, keyResult.actuals, actual => actual.expected ?? null);
    if (trend) sections.push(trend);
    const { projection } = keyResult;
    const projections: string[] = [];
    if (projection.pace !== null) projections.push(status.pace(`${formatNumber(projection.pace)} ${label}`));
    if (projection.value !== null && projection.limitedBy !== null) {
        const unit = keyResult.per ? messages.rateUnit(label, false, keyResult.per) : label;
        const deviation = projection.deviation === null ? '' : ` (${formatPercent(projection.deviation)})`;
        projections.push(status.limitedBy(`${formatNumber(projection.value)} ${unit}${deviation}`, projection.limitedBy));
    }
    if (projections.length > 0) sections.push(`${status.projection}: ${escape(projections.join('; '))}`);
    return sections;
}

/** A KPI's status and trend, below its figures. */
export function kpiProgressSections(messages: Messages, kpi: KpiFigures): string[] {
    const status = messages.statusWords();
    const sections: string[] = [];
    if (kpi.latestActual) sections.push(`${status.status}: **${status.statuses[kpi.status]}**`);
    const trend = trendLine(messages, kpi.actuals, () => kpi.plan);
    if (trend) sections.push(trend);
    return sections;
}
