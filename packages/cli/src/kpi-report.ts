/**
 * `okr kpis` output. JSON and CSV carry unrounded numbers and unit names; text and Markdown round
 * to three significant digits and show unit labels (spec §6).
 */
import { formatNumber, formatPercent, type Figure, type KpiFigures, type ResolvedCalendar, type StageFigures, type Status } from '@okr-plan/engine';
import type { Messages } from '@okr-plan/language';
import { AstUtils } from 'langium';
import { blockedNote, blockersOf, type Blocker } from './blockers.js';
import type { LoadedPlan } from './plan-loader.js';
import { pad, paint, visibleWidth, type Palette } from './terminal.js';

export interface KpiRow {
    figures: KpiFigures;
    file: string;
    line: number;
    /** The errors that keep its figure from being derived (when it is not). */
    blockedBy: Blocker[];
}

export function kpiRows(loaded: LoadedPlan): KpiRow[] {
    const { analysis, kpiNodes } = loaded.plan;
    return analysis.kpis.map((figures, index) => {
        const node = kpiNodes[index];
        const blockedBy = figures.figure ? [] : blockersOf(loaded, { kpi: index });
        return { figures, file: loaded.fileOf(AstUtils.getDocument(node)), line: (node.$cstNode?.range.start.line ?? 0) + 1, blockedBy };
    });
}

/** The errors blocking each stage that has no figure, by stage name. */
export function stageBlockers(loaded: LoadedPlan): Map<string, Blocker[]> {
    return new Map(loaded.plan.analysis.stages.filter(stage => !stage.perMonth).map(stage => [stage.name, blockersOf(loaded, { stage: stage.name })]));
}

/** `extra`: the §8 members beside kpis and stages (keyResults, objectives). */
export function kpisJson(rows: KpiRow[], stages: StageFigures[], blocked: Map<string, Blocker[]> = new Map(), extra: Record<string, unknown> = {}): string {
    return JSON.stringify({
        kpis: rows.map(({ figures: kpi, file, line, blockedBy }) => ({
            name: kpi.name,
            file,
            line,
            stage: kpi.stage,
            unit: kpi.unit,
            value: kpi.figure?.value ?? null,
            low: kpi.figure?.low ?? null,
            high: kpi.figure?.high ?? null,
            target: kpi.target,
            status: kpi.status,
            actuals: kpi.actuals.map(actual => ({ period: actual.period, value: actual.value, deviation: actual.deviation, status: actual.status })),
            ...blockedField(blockedBy)
        })),
        stages: stages.map(stage => ({
            name: stage.name,
            unit: stage.unit === null ? null : `${stage.unit}/month`,
            value: stage.perMonth?.value ?? null,
            low: stage.perMonth?.low ?? null,
            high: stage.perMonth?.high ?? null,
            ...blockedField(blocked.get(stage.name) ?? [])
        })),
        ...extra
    }, null, 2) + '\n';
}

const CSV_COLUMNS = ['name', 'file', 'line', 'stage', 'unit', 'value', 'low', 'high', 'target', 'plan', 'latest_period', 'latest_actual', 'latest_deviation', 'status'];

export function kpisCsv(rows: KpiRow[]): string {
    const lines = [CSV_COLUMNS.join(',')];
    for (const { figures: kpi, file, line } of rows) {
        const latest = kpi.latestActual;
        lines.push([kpi.name, file, line, kpi.stage, kpi.unit, kpi.figure?.value, kpi.figure?.low, kpi.figure?.high, kpi.target, kpi.plan, latest?.period, latest?.value, latest?.deviation, kpi.status].map(csvCell).join(','));
    }
    return lines.join('\r\n') + '\r\n';
}

function csvCell(value: string | number | null | undefined): string {
    if (value === null || value === undefined) return '';
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** What a row shows to a person: every cell rounded and labelled. */
interface DisplayRow {
    name: string;
    stage: string;
    derived: string;
    range: string;
    target: string;
    actual: string;
    deviation: number | null;
    /** The engine's status of the latest actual: the colour of its deviation. */
    status: Status;
}

const STATUS_COLOUR: Record<Status, keyof Palette> = { 'on-track': 'green', 'at-risk': 'yellow', 'off-track': 'red', none: 'dim' };

function displayRows(rows: KpiRow[], messages: Messages, labels: Map<string, string>, calendar?: ResolvedCalendar): DisplayRow[] {
    return rows.map(({ figures: kpi, blockedBy }) => {
        const unit = kpi.outputUnit === null ? '' : ' ' + messages.rateUnit(labels.get(kpi.outputUnit) ?? kpi.outputUnit, kpi.perPerson, kpi.timeUnit);
        const latest = kpi.latestActual;
        return {
            name: kpi.name,
            stage: kpi.stage ?? '—',
            derived: kpi.figure ? `${formatNumber(kpi.figure.value)}${unit}${everyPhrase(kpi, messages, labels, calendar)}` : `—${blockedNote(blockedBy, messages.reportWords())}`,
            range: kpi.figure && hasRange(kpi.figure) ? `${formatNumber(kpi.figure.low)}–${formatNumber(kpi.figure.high)}` : '',
            target: kpi.target !== null ? formatNumber(kpi.target) : kpi.suggestedTarget !== null ? `(${formatNumber(kpi.suggestedTarget)})` : '',
            actual: latest ? `${latest.period}: ${formatNumber(latest.value)}` : '',
            deviation: latest?.deviation ?? null,
            status: kpi.status
        };
    });
}

/** " (1 article every 2 weeks)" for a rate below one per time unit, else ''. */
function everyPhrase(kpi: KpiFigures, messages: Messages, labels: ReadonlyMap<string, string>, calendar?: ResolvedCalendar): string {
    const phrase = kpi.figure ? messages.every(kpi.figure.value, kpi.timeUnit, kpi.outputUnit, labels, calendar) : undefined;
    return phrase ? ` (${phrase})` : '';
}

function hasRange(figure: Figure): boolean {
    return figure.low !== figure.high;
}

function stageCells(stage: StageFigures, messages: Messages, labels: Map<string, string>, blocked: Map<string, Blocker[]>): string[] {
    const label = stage.unit === null ? '' : labels.get(stage.unit) ?? stage.unit;
    const perMonth = stage.perMonth ? `${formatNumber(stage.perMonth.value)} ${messages.rateUnit(label, false, 'month')}` : `—${blockedNote(blocked.get(stage.name) ?? [], messages.reportWords())}`;
    const range = stage.perMonth && hasRange(stage.perMonth) ? `${formatNumber(stage.perMonth.low)}–${formatNumber(stage.perMonth.high)}` : '';
    const perPerson = stage.perPersonPerDay ? `${formatNumber(stage.perPersonPerDay.value)} ${messages.rateUnit(label, true, 'day')}` : '';
    return [stage.name, perMonth, range, perPerson];
}

export function kpisText(rows: KpiRow[], stages: StageFigures[], messages: Messages, labels: Map<string, string>, colour: boolean, blocked: Map<string, Blocker[]> = new Map(), calendar?: ResolvedCalendar): string {
    const words = messages.reportWords();
    const statusWords = messages.statusWords();
    const out: string[] = [];
    const kpiTable = displayRows(rows, messages, labels, calendar).map(row => [
        paint(colour, 'bold', row.name),
        row.stage,
        row.derived,
        row.range,
        row.target,
        row.actual,
        row.deviation === null ? '' : paint(colour, STATUS_COLOUR[row.status], formatPercent(row.deviation)),
        row.status === 'none' ? '' : paint(colour, STATUS_COLOUR[row.status], statusWords.statuses[row.status])
    ]);
    out.push(...table([words.kpi, words.stage, words.derived, words.range, words.target, words.latestActual, words.deviation, statusWords.status], kpiTable, colour, [0, 0, 0, 0, 1, 0, 1, 0]));
    if (rows.some(row => row.figures.target === null && row.figures.suggestedTarget !== null)) out.push(paint(colour, 'dim', words.suggestedNote));
    out.push('');
    out.push(...table([words.stage, words.perMonth, words.range, words.perPersonPerDay], stages.map(stage => stageCells(stage, messages, labels, blocked)), colour, [0, 0, 0, 0]));
    return out.join('\n') + '\n';
}

export function kpisMarkdown(rows: KpiRow[], stages: StageFigures[], messages: Messages, labels: Map<string, string>, blocked: Map<string, Blocker[]> = new Map(), calendar?: ResolvedCalendar): string {
    const words = messages.reportWords();
    const statusWords = messages.statusWords();
    const escape = (text: string) => text.replace(/\|/g, '\\|');
    const md = (header: string[], body: string[][]) => [
        `| ${header.map(escape).join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...body.map(cells => `| ${cells.map(escape).join(' | ')} |`)
    ];
    const kpiBody = displayRows(rows, messages, labels, calendar).map(row => [row.name, row.stage, row.derived, row.range, row.target, row.actual, row.deviation === null ? '' : formatPercent(row.deviation), row.status === 'none' ? '' : statusWords.statuses[row.status]]);
    return [
        `## ${words.kpis}`,
        '',
        ...md([words.kpi, words.stage, words.derived, words.range, words.target, words.latestActual, words.deviation, statusWords.status], kpiBody),
        '',
        `## ${words.stages}`,
        '',
        ...md([words.stage, words.perMonth, words.range, words.perPersonPerDay], stages.map(stage => stageCells(stage, messages, labels, blocked))),
        ''
    ].join('\n');
}

/** An aligned table; columns that are empty in every row are left out. `right` marks right-aligned columns. */
function table(header: string[], body: string[][], colour: boolean, right: number[]): string[] {
    const keep = header.map((_, column) => body.some(row => visibleWidth(row[column]) > 0));
    const widths = header.map((title, column) => Math.max(visibleWidth(title), ...body.map(row => visibleWidth(row[column]))));
    const line = (cells: string[]) => cells
        .map((cell, column) => (keep[column] ? pad(cell, widths[column], right[column] ? 'right' : 'left') : undefined))
        .filter(cell => cell !== undefined)
        .join('  ')
        .trimEnd();
    return [paint(colour, 'dim', line(header)), ...body.map(line)];
}

/** `blockedBy`: the codes of the errors that keep a figure from being derived; left out when none. */
function blockedField(blockers: Blocker[]): { blockedBy?: string[] } {
    return blockers.length === 0 ? {} : { blockedBy: [...new Set(blockers.map(blocker => blocker.code))] };
}
