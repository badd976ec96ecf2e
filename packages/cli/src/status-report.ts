/**
 * The plan over time in the CLI (spec §8): key results and objectives in `okr kpis --format json`,
 * and `okr status`, the review of a check-in meeting (text, Markdown, JSON). JSON carries the
 * engine's unrounded numbers and unit names; text and Markdown round and show labels.
 */
import { formatNumber, formatPercent, type KeyResultFigures, type KpiFigures, type ObjectiveFigures, type Status } from '@okr-plan/engine';
import type { Messages } from '@okr-plan/language';
import { AstUtils } from 'langium';
import type { LoadedPlan } from './plan-loader.js';
import { paint, type Palette } from './terminal.js';

export interface KeyResultRow {
    figures: KeyResultFigures;
    file: string;
    line: number;
    label?: string;
}

export function keyResultRows(loaded: LoadedPlan): KeyResultRow[] {
    const { analysis, input } = loaded.plan;
    return analysis.keyResults.map((figures, index) => {
        const node = input.keyResults[index].nameSite.node;
        return { figures, file: loaded.fileOf(AstUtils.getDocument(node)), line: (node.$cstNode?.range.start.line ?? 0) + 1, label: input.keyResults[index].label };
    });
}

/** One key result as §8's JSON writes it. */
export function keyResultJson({ figures: keyResult, file, line }: KeyResultRow): Record<string, unknown> {
    const unit = keyResult.unit === null ? null : keyResult.per ? `${keyResult.unit}/${keyResult.per}` : keyResult.unit;
    return {
        name: keyResult.name,
        file,
        line,
        unit: keyResult.kind === 'qualitative' ? null : unit,
        kind: keyResult.kind,
        target: keyResult.target?.value ?? null,
        period: keyResult.period,
        workdays: keyResult.workdays,
        progress: keyResult.progress,
        expected: keyResult.expected,
        status: keyResult.status,
        actuals: keyResult.actuals.map(actual => ({
            period: actual.period,
            value: actual.value,
            expected: actual.expected ?? null,
            deviation: actual.deviation,
            status: actual.status
        })),
        projection: { ...keyResult.projection }
    };
}

export function objectivesJson(objectives: ObjectiveFigures[]): Record<string, unknown>[] {
    return objectives.map(objective => ({ name: objective.name, period: objective.period, status: objective.status }));
}

interface StatusObjective {
    figures: ObjectiveFigures;
    label?: string;
    keyResults: KeyResultRow[];
    /** KPIs whose stage serves the objective. */
    kpis: KpiFigures[];
}

function statusObjectives(loaded: LoadedPlan): StatusObjective[] {
    const { analysis, input } = loaded.plan;
    const rows = keyResultRows(loaded);
    return analysis.objectives.map((figures, index) => ({
        figures,
        label: input.objectives?.[index]?.label,
        keyResults: rows.filter(row => row.figures.objective === figures.name),
        kpis: analysis.kpis.filter(kpi => figures.kpis.includes(kpi.name))
    }));
}

export function statusJson(loaded: LoadedPlan): string {
    return JSON.stringify({
        objectives: statusObjectives(loaded).map(objective => ({
            name: objective.figures.name,
            label: objective.label ?? null,
            period: objective.figures.period,
            status: objective.figures.status,
            keyResults: objective.keyResults.map(keyResultJson),
            kpis: objective.figures.kpis
        }))
    }, null, 2) + '\n';
}

const STATUS_COLOUR: Record<Status, keyof Palette> = { 'on-track': 'green', 'at-risk': 'yellow', 'off-track': 'red', none: 'dim' };

/** The cells of one key result, rounded and labelled. */
function keyResultCells(keyResult: KeyResultFigures, messages: Messages, labels: Map<string, string>): string[] {
    const words = messages.statusWords();
    const label = keyResult.unit === null ? '' : labels.get(keyResult.unit) ?? keyResult.unit;
    const unit = keyResult.per ? messages.rateUnit(label, false, keyResult.per) : label;
    const target = keyResult.target === null ? '—' : `${formatNumber(keyResult.target.value)} ${unit}${keyResult.kind === 'total' && keyResult.period ? ` ${words.inPeriod(keyResult.period)}` : ''}`.trim();
    const latest = keyResult.latestActual;
    const expected = latest?.expected;
    const progress = keyResult.progress === null ? '' : words.progressOf(pct(keyResult.progress), keyResult.expected === null ? null : pct(keyResult.expected));
    const { projection } = keyResult;
    const projections = [
        projection.pace === null ? '' : words.pace(formatNumber(projection.pace)),
        projection.value === null || projection.limitedBy === null ? '' : words.limitedBy(`${formatNumber(projection.value)} ${unit}`, projection.limitedBy)
    ].filter(Boolean).join('; ');
    return [
        keyResult.name,
        target,
        latest ? `${latest.period}: ${formatNumber(latest.value)}` : '',
        expected === undefined || expected === null ? '' : formatNumber(expected),
        progress,
        latest?.deviation === null || latest === null ? '' : formatPercent(latest.deviation),
        words.statuses[keyResult.status],
        projections
    ];
}

/** KPIs serving the objective whose latest check-in is behind plan. */
function behindKpis(objective: StatusObjective): KpiFigures[] {
    return objective.kpis.filter(kpi => kpi.status === 'at-risk' || kpi.status === 'off-track');
}

function kpiLine(kpi: KpiFigures, messages: Messages): string {
    const latest = kpi.latestActual;
    const words = messages.statusWords();
    return `${kpi.name}: ${latest ? `${latest.period} ${formatNumber(latest.value)}` : ''} ${latest?.deviation == null ? '' : formatPercent(latest.deviation)} (${words.statuses[kpi.status]})`.replace(/\s+/g, ' ');
}

function pct(fraction: number): string {
    return `${formatNumber(fraction * 100)}%`;
}

export function statusText(loaded: LoadedPlan, messages: Messages, colour: boolean): string {
    const words = messages.statusWords();
    const objectives = statusObjectives(loaded);
    if (objectives.length === 0) return words.noObjectives + '\n';
    const labels = loaded.plan.unitLabels;
    const out: string[] = [];
    for (const objective of objectives) {
        const { figures } = objective;
        const title = `${figures.name}${objective.label ? ` "${objective.label}"` : ''}${figures.period ? ` (${figures.period})` : ''}`;
        out.push(`${paint(colour, 'bold', title)}: ${paint(colour, STATUS_COLOUR[figures.status], words.statuses[figures.status])}`);
        for (const row of objective.keyResults) {
            const [name, target, latest, expected, progress, deviation, status, projection] = keyResultCells(row.figures, messages, labels);
            out.push(`  ${paint(colour, 'bold', name)}: ${paint(colour, STATUS_COLOUR[row.figures.status], status)}`);
            const details: [string, string][] = [
                [words.target, target],
                [words.latestActual, latest],
                [words.expected, expected],
                [words.progress, progress],
                [words.deviation, deviation],
                [words.projection, projection]
            ];
            for (const [title, value] of details) if (value) out.push(`    ${paint(colour, 'dim', title)}: ${value}`);
        }
        const behind = behindKpis(objective);
        if (behind.length > 0) {
            out.push(`  ${words.kpisBehind}:`);
            for (const kpi of behind) out.push(`    ${paint(colour, STATUS_COLOUR[kpi.status], kpiLine(kpi, messages))}`);
        }
        out.push('');
    }
    return out.join('\n');
}

export function statusMarkdown(loaded: LoadedPlan, messages: Messages): string {
    const words = messages.statusWords();
    const objectives = statusObjectives(loaded);
    if (objectives.length === 0) return words.noObjectives + '\n';
    const escape = (text: string) => text.replace(/\|/g, '\\|');
    const out: string[] = [];
    for (const objective of objectives) {
        const { figures } = objective;
        out.push(`## ${escape(figures.name)}${objective.label ? ` — ${escape(objective.label)}` : ''}${figures.period ? ` (${figures.period})` : ''}: ${words.statuses[figures.status]}`, '');
        const header = [words.keyResult, words.target, words.latestActual, words.expected, words.progress, words.deviation, words.status, words.projection];
        out.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
        for (const row of objective.keyResults) out.push(`| ${keyResultCells(row.figures, messages, loaded.plan.unitLabels).map(escape).join(' | ')} |`);
        const behind = behindKpis(objective);
        if (behind.length > 0) {
            out.push('', `${words.kpisBehind}:`, '');
            for (const kpi of behind) out.push(`- ${escape(kpiLine(kpi, messages))}`);
        }
        out.push('');
    }
    return out.join('\n');
}
