/**
 * The values of a check-in as a person types them (spec §11): the period in either case, the value
 * with a decimal point or comma; and how they are written into the plan (canonical period, the
 * shortest decimal that reads back as the same number, a quoted cause).
 */
import { parsePeriod, type PeriodProblem } from '@okr-plan/engine';

export type PeriodCheck = { ok: true; period: string } | { ok: false; problem: PeriodProblem };

/** A period in canonical form (`2026-W03`, `2026-Q1`, upper case), or why it is not one. */
export function canonicalPeriod(text: string): PeriodCheck {
    const period = text.trim().toUpperCase();
    const parsed = parsePeriod(period);
    return parsed.ok ? { ok: true, period } : { ok: false, problem: parsed.problem };
}

/** Why a value cannot be a check-in: not a plain number, a range, a percentage, below zero. */
export type ValueProblem = 'not-a-number' | 'range' | 'percent' | 'negative';

export type ValueCheck = { ok: true; value: number } | { ok: false; problem: ValueProblem };

const PLAIN_NUMBER = /^[+-]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?$/;
/** Digit groups a spreadsheet writes: `1 234,5` with a space, a no-break or a narrow no-break space. */
const GROUPED = /^[0-9]{1,3}(?:[ \u00A0\u202F][0-9]{3})+(?:[.,][0-9]+)?$/;

/**
 * The number a person typed: `25`, `25.5`, `25,5` (decimal comma, when `decimalComma`), `1e3`,
 * `1_000`, `1 000`. A value must be a plain number ≥ 0.
 */
export function parseCheckinValue(text: string, decimalComma = true): ValueCheck {
    let written = text.trim();
    if (written.includes('..')) return { ok: false, problem: 'range' };
    if (written.endsWith('%')) return { ok: false, problem: 'percent' };
    if (GROUPED.test(written) && (decimalComma || !written.includes(','))) written = written.replace(/[ \u00A0\u202F]/g, '');
    if (decimalComma && /^[^,.]*,[^,.]*$/.test(written)) written = written.replace(',', '.');
    if (!PLAIN_NUMBER.test(written)) return { ok: false, problem: 'not-a-number' };
    const value = Number(written.replace(/_/g, ''));
    if (!Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
    if (value < 0) return { ok: false, problem: 'negative' };
    return { ok: true, value: value === 0 ? 0 : value };
}

/** The shortest decimal that reads back as `value`, without an exponent (`1e3` → `1000`, `1e-7` → `0.0000001`). */
export function formatCheckinValue(value: number): string {
    const shortest = String(value);
    const match = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(shortest);
    if (!match) return shortest;
    const digits = match[1] + (match[2] ?? '');
    const exponent = Number(match[3]);
    if (exponent >= 0) {
        const whole = digits.padEnd(exponent + 1, '0');
        return whole.length > exponent + 1 ? `${whole.slice(0, exponent + 1)}.${whole.slice(exponent + 1)}` : whole;
    }
    return `0.${'0'.repeat(-exponent - 1)}${digits}`;
}

/** A cause as a plan string: quotes and backslashes escaped; a line break (a plan string has none) becomes a space. */
export function quoteCause(cause: string): string {
    return `"${cause.replace(/\r\n|\r|\n/g, ' ').replace(/[\\"]/g, ch => `\\${ch}`)}"`;
}

/** The period to propose for a check-in made today: the current day, ISO week or month. */
export function currentPeriod(kind: 'day' | 'week' | 'month', today: Date): string {
    const year = today.getFullYear();
    const month = String(today.getMonth() + 1).padStart(2, '0');
    if (kind === 'month') return `${year}-${month}`;
    if (kind === 'day') return `${year}-${month}-${String(today.getDate()).padStart(2, '0')}`;
    // ISO week: the week's Thursday decides the year.
    const date = new Date(Date.UTC(year, today.getMonth(), today.getDate()));
    const weekday = date.getUTCDay() || 7;
    date.setUTCDate(date.getUTCDate() + 4 - weekday);
    const weekYear = date.getUTCFullYear();
    const week = Math.ceil(((date.getTime() - Date.UTC(weekYear, 0, 1)) / 86400000 + 1) / 7);
    return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The `count` names nearest to `wanted` by edit distance, ignoring case; a key result also matches by its own last segment. */
export function nearestNames(wanted: string, names: readonly string[], count = 3): string[] {
    const target = wanted.toLowerCase();
    const scored = names.map(name => {
        const lower = name.toLowerCase();
        const last = lower.slice(lower.lastIndexOf('.') + 1);
        return { name, distance: Math.min(editDistance(target, lower), editDistance(target, last)) };
    });
    // Even a far name helps: it shows how names are spelt in this plan (`Objective.KeyResult`).
    return scored
        .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .slice(0, count)
        .map(entry => entry.name);
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
    const x = Array.from(a);
    const y = Array.from(b);
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const current = [i];
        for (let j = 1; j <= y.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[y.length];
}
