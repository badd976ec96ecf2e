/**
 * `okr checkin NAME PERIOD VALUE [--cause TEXT]` and `okr import FILE.csv [--dry-run]` (spec §11).
 * Every entry is checked before anything is written; then each changed file is written whole to a
 * temporary file in its folder and renamed over the original, so a file is always old or new.
 */
import { canonicalPeriod, parseCheckinValue, type Language } from '@okr-plan/language';
import { createTwoFilesPatch } from 'diff';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { CliArgs } from './args.js';
import { applyEntries, entryProblem, type ChangedFile, type NamedEntry } from './checkin-plan.js';
import { checkinWords, type CheckinWords } from './checkin-words.js';
import { readCheckinCsv, type CsvRow } from './csv-rows.js';
import { decodeText, loadPlan, UnreadablePathError } from './plan-loader.js';

export interface Printer {
    write(text: string): unknown;
}

const EXIT_OK = 0;
const EXIT_REFUSED = 2;

export async function runCheckin(args: CliArgs, env: Record<string, string | undefined>, stdout: Printer, stderr: Printer, cwd: string, language: Language): Promise<number> {
    const words = checkinWords(language);
    const [name, periodText, valueText] = args.operands;
    const period = canonicalPeriod(periodText);
    if (!period.ok) return refuse(stderr, words.invalidPeriod(periodText, period.problem));
    const value = parseCheckinValue(valueText);
    if (!value.ok) return refuse(stderr, words.invalidValue(valueText, value.problem));
    const loaded = await loadPlan(args.paths, cwd, language);
    const problem = entryProblem(loaded, name, words);
    if (problem) return refuse(stderr, problem);
    const { applied, changed } = await applyEntries(loaded, [{ name, period: period.period, value: value.value, cause: args.cause }]);
    await writeFiles(changed, env);
    stdout.write(`${applied[0].outcome} ${applied[0].file}:${applied[0].line}\n`);
    return EXIT_OK;
}

export async function runImport(args: CliArgs, env: Record<string, string | undefined>, stdout: Printer, stderr: Printer, cwd: string, language: Language): Promise<number> {
    const words = checkinWords(language);
    const [csvFile] = args.operands;
    let bytes: Uint8Array;
    try {
        bytes = await fs.readFile(path.resolve(cwd, csvFile));
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? words.noSuchFile : code === 'EISDIR' ? words.isFolder : (error as Error).message;
        return refuse(stderr, words.csvUnreadable(csvFile, reason));
    }
    const text = decodeText(bytes);
    if (text === undefined) return refuse(stderr, words.csvNotUtf8(csvFile));
    const csv = readCheckinCsv(text, csvFile, words);
    if (!csv.ok) return refuse(stderr, csv.message);
    const loaded = await loadPlan(args.paths, cwd, language);
    const { entries, problems } = checkRows(csv.rows, csv.delimiter !== ',', loaded, words);
    if (problems.length > 0) {
        const lines = problems.sort((a, b) => a.line - b.line).map(problem => `${csvFile}:${problem.line}: ${problem.message}`);
        return refuse(stderr, `${words.badRows(csvFile, new Set(problems.map(p => p.line)).size)}\n${lines.join('\n')}`);
    }
    const { applied, changed } = await applyEntries(loaded, entries);
    const count = (outcome: string) => applied.filter(entry => entry.outcome === outcome).length;
    const summary = `${count('added')} added, ${count('updated')} updated, ${count('unchanged')} unchanged in ${changed.length} files`;
    if (args.dryRun) {
        stdout.write(changed.map(unifiedDiff).join(''));
        stdout.write(`would have: ${summary}\n`);
        return EXIT_OK;
    }
    await writeFiles(changed, env);
    stdout.write(applied.map(entry => `${entry.outcome} ${entry.file}:${entry.line}\n`).join(''));
    stdout.write(`${summary}\n`);
    return EXIT_OK;
}

interface RowProblem {
    line: number;
    message: string;
}

/** Every row checked: its cells, its name against the plan, and no name and period twice. */
function checkRows(rows: CsvRow[], decimalComma: boolean, loaded: Awaited<ReturnType<typeof loadPlan>>, words: CheckinWords): { entries: NamedEntry[]; problems: RowProblem[] } {
    const entries: NamedEntry[] = [];
    const problems: RowProblem[] = [];
    const seen = new Map<string, number>();
    const nameProblems = new Map<string, string | undefined>();
    for (const row of rows) {
        const rowProblems: string[] = [];
        if (row.name === '') rowProblems.push(words.emptyCell('name'));
        if (row.period === '') rowProblems.push(words.emptyCell('period'));
        if (row.value === '') rowProblems.push(words.emptyCell('value'));
        const period = row.period === '' ? undefined : canonicalPeriod(row.period);
        if (period && !period.ok) rowProblems.push(words.invalidPeriod(row.period, period.problem));
        const value = row.value === '' ? undefined : parseCheckinValue(row.value, decimalComma);
        if (value && !value.ok) rowProblems.push(words.invalidValue(row.value, value.problem));
        if (row.name !== '') {
            if (!nameProblems.has(row.name)) nameProblems.set(row.name, entryProblem(loaded, row.name, words));
            const problem = nameProblems.get(row.name);
            if (problem) rowProblems.push(problem);
        }
        if (period?.ok && row.name !== '') {
            const key = `${row.name}\u0000${period.period}`;
            const first = seen.get(key);
            if (first !== undefined) rowProblems.push(words.sameRowTwice(row.name, period.period, [first, row.line]));
            else seen.set(key, row.line);
        }
        if (rowProblems.length > 0) {
            problems.push(...rowProblems.map(message => ({ line: row.line, message })));
        } else if (period?.ok && value?.ok) {
            entries.push({ name: row.name, period: period.period, value: value.value, cause: row.cause });
        }
    }
    return { entries, problems };
}

/** A git-style unified diff of one file. */
function unifiedDiff(change: ChangedFile): string {
    const patch = createTwoFilesPatch(`a/${change.file}`, `b/${change.file}`, change.before, change.after, undefined, undefined, { context: 3 });
    // jsdiff quotes non-ASCII file names; a reader wants them as written (`russian/стройка.okr`).
    const hunks = patch.slice(patch.indexOf('\n@@') + 1);
    return `--- a/${change.file}\n+++ b/${change.file}\n${hunks}`;
}

/**
 * Write each changed file atomically. `OKR_TEST_PAUSE_BETWEEN_FILES` (milliseconds) pauses
 * between two files, so a test can kill the process there.
 */
async function writeFiles(changed: ChangedFile[], env: Record<string, string | undefined>): Promise<void> {
    const pause = Number(env.OKR_TEST_PAUSE_BETWEEN_FILES ?? 0);
    for (const [index, change] of changed.entries()) {
        if (index > 0 && pause > 0) await new Promise(resolve => setTimeout(resolve, pause));
        await writeAtomically(change.path, change.after).catch((error: Error) => {
            throw new UnreadablePathError(change.file, error.message, 'write', error);
        });
    }
}

/** Write `text` to a temporary file next to `file` (same mode, BOM kept), flush it, and rename it over `file`. */
export async function writeAtomically(file: string, text: string): Promise<void> {
    const existing = await fs.readFile(file);
    const bom = existing[0] === 0xef && existing[1] === 0xbb && existing[2] === 0xbf ? '\uFEFF' : '';
    const { mode } = await fs.stat(file);
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await fs.open(temporary, 'wx', mode & 0o777);
    try {
        await handle.writeFile(bom + text, 'utf8');
        await handle.sync();
    } catch (error) {
        await handle.close();
        await fs.rm(temporary, { force: true });
        throw error;
    }
    await handle.close();
    await fs.rename(temporary, file).catch(async (error: Error) => {
        await fs.rm(temporary, { force: true });
        throw error;
    });
}

function refuse(stderr: Printer, message: string): number {
    stderr.write(`okr: ${message}\n`);
    return EXIT_REFUSED;
}
