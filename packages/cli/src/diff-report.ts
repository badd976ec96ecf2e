/**
 * `okr diff` output (spec §10): JSON with unrounded numbers and unit names; Markdown (a pull-request
 * comment with the `<!-- okr-diff -->` marker) and text with rounded numbers and unit labels.
 */
import { formatNumber, formatPercent, type Compared, type ComparedFigure, type KeyResultSnapshot, type KpiSnapshot, type PlanComparison, type StageSnapshot, type TeamSnapshot, type TimeUnit } from '@okr-plan/engine';
import type { Messages } from '@okr-plan/language';
import type { DiffSection, DiffWords } from './diff-words.js';
import type { PlanDiagnostic, Severity } from './plan-loader.js';

export const DIFF_MARKER = '<!-- okr-diff -->';

export interface PlanDiff {
    base: string;
    head: string;
    comparison: PlanComparison;
    /** Diagnostics of the new side that the old side does not have, and the reverse. */
    added: PlanDiagnostic[];
    removed: PlanDiagnostic[];
}

/** A side's file as both sides can compare it (relative to that side's root), from the file as printed. */
export type SideFile = (d: PlanDiagnostic) => string;

/** A diagnostic is the same on both sides when its code and message are and it sits in the same declaration (or, outside any, the same file). */
function diagnosticKey(d: PlanDiagnostic, file: SideFile): string {
    return JSON.stringify([d.code, d.message, d.declaration === null ? ['file', file(d)] : ['declaration', d.declaration]]);
}

/** The entries of `side` not matched, one for one, by an entry of `other`. */
export function unmatchedDiagnostics(side: PlanDiagnostic[], other: PlanDiagnostic[], sideFile: SideFile = d => d.file, otherFile: SideFile = d => d.file): PlanDiagnostic[] {
    const available = new Map<string, number>();
    for (const d of other) available.set(diagnosticKey(d, otherFile), (available.get(diagnosticKey(d, otherFile)) ?? 0) + 1);
    return side.filter(d => {
        const key = diagnosticKey(d, sideFile);
        const left = available.get(key) ?? 0;
        if (left === 0) return true;
        available.set(key, left - 1);
        return false;
    });
}

function diagnosticJson(d: PlanDiagnostic) {
    return { file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, code: d.code, message: d.message };
}

export function diffJson(diff: PlanDiff): string {
    const { comparison } = diff;
    return JSON.stringify({
        base: diff.base,
        head: diff.head,
        kpis: comparison.kpis,
        stages: comparison.stages,
        keyResults: comparison.keyResults,
        teams: comparison.teams,
        diagnostics: { added: diff.added.map(diagnosticJson), removed: diff.removed.map(diagnosticJson) },
        unchanged: comparison.unchanged
    }, null, 2) + '\n';
}

const SECTIONS: DiffSection[] = ['kpis', 'stages', 'keyResults', 'teams'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/** Whether any figure changed: the sentence then lists what did; else it says "No change to the plan's figures." */
export function figuresChanged(comparison: PlanComparison): boolean {
    return SECTIONS.some(section => comparison[section].length > 0);
}

/** "3 KPIs change, 1 new warning." — or "No change to the plan's figures." followed by the diagnostics' changes. */
export function diffSentence(diff: PlanDiff, words: DiffWords): string {
    const figures = SECTIONS.filter(section => diff.comparison[section].length > 0).map(section => words.sectionChanges(section, diff.comparison[section].length));
    const diagnostics = [
        ...SEVERITIES.map(severity => [severity, diff.added.filter(d => d.severity === severity).length] as const).filter(([, count]) => count > 0).map(([severity, count]) => words.newDiagnostics(severity, count)),
        ...(diff.removed.length > 0 ? [words.resolved(diff.removed.length)] : [])
    ];
    const sentence = (parts: string[]) => parts.length === 0 ? '' : parts.join(', ').replace(/^./, first => first.toUpperCase()) + '.';
    if (figures.length === 0) return [words.noFigureChange, sentence(diagnostics)].filter(Boolean).join(' ');
    return sentence([...figures, ...diagnostics]);
}

interface Display {
    words: DiffWords;
    messages: Messages;
    labels: ReadonlyMap<string, string>;
}

/** `m2/person/day` → `m²/person/day` in the user's language; `house` → `houses`. */
function unitText(unit: string | null, { labels, messages }: Display): string {
    if (unit === null) return '';
    const [name, ...rest] = unit.split('/');
    const label = labels.get(name) ?? name;
    if (rest.length === 0) return label;
    return messages.rateUnit(label, rest[0] === 'person', rest[rest.length - 1] as TimeUnit);
}

function amount(value: number | null, low: number | null, high: number | null): string {
    if (value === null) return '—';
    const range = low !== null && high !== null && formatNumber(low) !== formatNumber(high) ? ` (${formatNumber(low)}–${formatNumber(high)})` : '';
    return formatNumber(value) + range;
}

function withUnit(text: string, unit: string, display: Display): string {
    return unit && text !== '—' ? `${text} ${unitText(unit, display)}` : text;
}

function figureCell(snapshot: KpiSnapshot | StageSnapshot | null, display: Display): string {
    if (snapshot === null) return '—';
    const text = withUnit(amount(snapshot.value, snapshot.low, snapshot.high), snapshot.unit ?? '', display);
    return 'target' in snapshot && snapshot.target !== null ? `${text}, ${display.words.target} ${formatNumber(snapshot.target)}` : text;
}

function keyResultCell(snapshot: KeyResultSnapshot | null, display: Display): string {
    return snapshot === null ? '—' : withUnit(snapshot.target === null ? '—' : formatNumber(snapshot.target), snapshot.unit ?? '', display);
}

function teamCell(snapshot: TeamSnapshot | null, display: Display): string {
    if (snapshot === null) return '—';
    const availability = snapshot.availability === null ? '—' : `${formatNumber(snapshot.availability * 100)}%`;
    return `${display.words.headcount} ${snapshot.headcount === null ? '—' : formatNumber(snapshot.headcount)}, ${display.words.availability} ${availability}`;
}

/** The rows of one section: name, change, before → after, Δ. */
function sectionRows(diff: PlanDiff, section: DiffSection, display: Display): string[][] {
    const { comparison } = diff;
    const cell = (entry: Compared<unknown>, side: 'before' | 'after'): string => {
        switch (section) {
            case 'kpis': case 'stages': return figureCell((entry as ComparedFigure<KpiSnapshot | StageSnapshot>)[side], display);
            case 'keyResults': return keyResultCell((entry as ComparedFigure<KeyResultSnapshot>)[side], display);
            case 'teams': return teamCell((entry as Compared<TeamSnapshot>)[side], display);
        }
    };
    return (comparison[section] as Compared<unknown>[]).map(entry => {
        const delta = 'delta' in entry ? (entry as ComparedFigure<unknown>).delta : null;
        return [entry.name, display.words.change[entry.change], `${cell(entry, 'before')} → ${cell(entry, 'after')}`, delta === null ? '' : formatPercent(delta)];
    });
}

/** Lists longer than this go into `<details>` in Markdown. */
const SHORT_LIST = 10;

const escapeMarkdown = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

function diagnosticLine(d: PlanDiagnostic, words: DiffWords): string {
    return `${d.file}:${d.line}:${d.column} ${words.severity[d.severity]}: ${d.message} [${d.code}]`;
}

export function diffMarkdown(diff: PlanDiff, words: DiffWords, messages: Messages, labels: ReadonlyMap<string, string>): string {
    const display: Display = { words, messages, labels };
    const out = [DIFF_MARKER, `### ${escapeMarkdown(words.title(diff.base, diff.head))}`, '', escapeMarkdown(diffSentence(diff, words)), ''];
    const fold = (summary: string, lines: string[], count: number) => count > SHORT_LIST
        ? [`<details><summary>${escapeMarkdown(summary)} (${count})</summary>`, '', ...lines, '', '</details>', '']
        : [`#### ${escapeMarkdown(summary)}`, '', ...lines, ''];
    for (const section of SECTIONS) {
        const rows = sectionRows(diff, section, display);
        if (rows.length === 0) continue;
        // Teams have no Δ (spec §10).
        const columns = section === 'teams' ? 3 : 4;
        const header = [words.name[section], '', words.beforeAfter, words.delta].slice(0, columns);
        const table = [`| ${header.join(' | ')} |`, `| --- | --- | --- |${columns === 4 ? ' ---: |' : ''}`, ...rows.map(cells => `| ${cells.slice(0, columns).map(escapeMarkdown).join(' | ')} |`)];
        out.push(...fold(words.sections[section], table, rows.length));
    }
    if (diff.added.length > 0) out.push(...fold(words.diagnosticsAdded, diff.added.map(d => `- ${escapeMarkdown(diagnosticLine(d, words))}`), diff.added.length));
    if (diff.removed.length > 0) out.push(...fold(words.diagnosticsRemoved, diff.removed.map(d => `- ${escapeMarkdown(diagnosticLine(d, words))}`), diff.removed.length));
    out.push(words.unchanged(diff.comparison.unchanged), '');
    return out.join('\n');
}

export function diffText(diff: PlanDiff, words: DiffWords, messages: Messages, labels: ReadonlyMap<string, string>): string {
    const display: Display = { words, messages, labels };
    const out = [words.title(diff.base, diff.head), diffSentence(diff, words), ''];
    for (const section of SECTIONS) {
        const rows = sectionRows(diff, section, display);
        if (rows.length === 0) continue;
        out.push(`${words.sections[section]}:`);
        const width = Math.max(...rows.map(row => row[0].length));
        for (const [name, change, values, delta] of rows) out.push(`  ${name.padEnd(width)}  ${values}${delta ? `  ${delta}` : ''}${change === words.change.changed ? '' : `  (${change})`}`);
        out.push('');
    }
    if (diff.added.length > 0) out.push(`${words.diagnosticsAdded}:`, ...diff.added.map(d => `  ${diagnosticLine(d, words)}`), '');
    if (diff.removed.length > 0) out.push(`${words.diagnosticsRemoved}:`, ...diff.removed.map(d => `  ${diagnosticLine(d, words)}`), '');
    out.push(words.unchanged(diff.comparison.unchanged));
    return out.join('\n') + '\n';
}
