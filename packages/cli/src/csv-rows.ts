/**
 * The rows of a check-in CSV (spec §11): a header naming `name`, `period`, `value` and optionally
 * `cause` (any order, any case); `,`, `;` or tab, detected from the header; RFC 4180 quoting;
 * UTF-8 with or without a BOM. Parsing is csv-parse's; this file only picks the dialect and
 * numbers each record by the physical line it starts on (the header is line 1).
 */
import { parse } from 'csv-parse/sync';
import type { CheckinWords } from './checkin-words.js';

export interface CsvRow {
    /** The physical line the record starts on. */
    line: number;
    name: string;
    period: string;
    value: string;
    /** `undefined` when the file has no cause column or the cell is empty. */
    cause?: string;
}

export type CsvRead =
    | { ok: true; rows: CsvRow[]; delimiter: string }
    | { ok: false; message: string };

const DELIMITERS = [',', ';', '\t'];
const REQUIRED = ['name', 'period', 'value'] as const;

export function readCheckinCsv(text: string, file: string, words: CheckinWords): CsvRead {
    const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const headerLine = /^[^\r\n]*/.exec(body)![0];
    if (headerLine.trim() === '') return { ok: false, message: words.csvEmpty(file) };
    const delimiter = detectDelimiter(headerLine);
    let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
    try {
        records = parse(body, { delimiter, raw: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
    } catch (error) {
        const lines = (error as { lines?: number }).lines;
        return { ok: false, message: `${file}${lines ? `:${lines}` : ''}: ${words.csvSyntax((error as Error).message)}` };
    }
    const header = records[0]?.record.map(cell => cell.trim().toLowerCase()) ?? [];
    const missing = REQUIRED.filter(column => !header.includes(column));
    if (missing.length > 0) return { ok: false, message: words.csvMissingColumns(file, missing) };
    const column = (name: string) => header.indexOf(name);
    const [nameAt, periodAt, valueAt, causeAt] = [column('name'), column('period'), column('value'), column('cause')];
    const rows: CsvRow[] = [];
    for (const { record, raw, info } of records.slice(1)) {
        const cells = record.map(cell => cell.trim());
        if (cells.every(cell => cell === '')) continue; // `;;;` rows a spreadsheet writes below the data
        const cell = (index: number) => (index >= 0 ? cells[index] ?? '' : '');
        const cause = causeAt >= 0 && cell(causeAt) !== '' ? record[causeAt] : undefined;
        rows.push({
            line: info.lines - innerLineBreaks(raw),
            name: cell(nameAt),
            period: cell(periodAt),
            value: cell(valueAt),
            cause: cause?.trim()
        });
    }
    return { ok: true, rows, delimiter };
}

/**
 * Line breaks inside a record (in quoted cells). csv-parse counts `lines` to the record's end; its
 * `raw` text may carry the record's own line break, or the rest of a skipped empty line, at its ends.
 */
function innerLineBreaks(raw: string): number {
    return raw.replace(/^[\r\n]+|[\r\n]+$/g, '').match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** The separator that makes the header name the required columns; else the one the header holds most of. */
function detectDelimiter(headerLine: string): string {
    for (const delimiter of DELIMITERS) {
        try {
            const [cells] = parse(headerLine, { delimiter, relax_quotes: true }) as string[][];
            const names = (cells ?? []).map(cell => cell.trim().toLowerCase());
            if (REQUIRED.every(column => names.includes(column))) return delimiter;
        } catch {
            // not this separator
        }
    }
    const count = (delimiter: string) => headerLine.split(delimiter).length;
    return DELIMITERS.reduce((best, delimiter) => (count(delimiter) > count(best) ? delimiter : best));
}
