/**
 * A progress line for long runs (issue 11): on a terminal, once a run has taken longer than a
 * threshold (about a second), stderr shows "okr: read 1,240 of 3,000 files", then "okr: analysing
 * 1,240 of 3,000 files", rewritten in place and erased when the work is done. Never in CI logs,
 * pipes (stderr not a TTY) or machine-readable output, where a stray line would corrupt a log.
 */
import type { Language } from '@okr-plan/language';

export interface ProgressStream {
    write(text: string): unknown;
    isTTY?: boolean;
}

export interface LoadProgress {
    read(done: number, total: number): void;
    analysed(done: number, total: number): void;
    /** Erases the line, if one was shown. */
    end(): void;
}

export interface ProgressOptions {
    /** How long a run may take before the line appears; tests set 0. */
    afterMs?: number;
    now?: () => number;
}

export const PROGRESS_AFTER_MS = 1000;
/** Rewriting the line more often than this only costs time; the eye cannot follow it. */
const REDRAW_MS = 100;
const ERASE_LINE = '\r\u001b[K';

/** Whether a progress line may be shown at all: a terminal, not CI, output meant for people. */
export function showsProgress(stream: ProgressStream, env: Record<string, string | undefined>, machineReadable: boolean): boolean {
    const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
    return stream.isTTY === true && !ci && !machineReadable;
}

export function progressLine(stream: ProgressStream, language: Language, options: ProgressOptions = {}): LoadProgress {
    const now = options.now ?? (() => performance.now());
    const after = options.afterMs ?? PROGRESS_AFTER_MS;
    const started = now();
    let shown = false;
    let drawnAt = -Infinity;
    let drawnPhase = '';
    let drawnText = '';
    const draw = (phase: string, text: string, last: boolean) => {
        const time = now();
        if (time - started < after || (shown && text === drawnText)) return;
        // A new phase and the last step of one are always drawn, so the line never stops short of the total.
        if (shown && !last && phase === drawnPhase && time - drawnAt < REDRAW_MS) return;
        stream.write(`${ERASE_LINE}okr: ${text}`);
        shown = true;
        drawnAt = time;
        drawnPhase = phase;
        drawnText = text;
    };
    const words = language === 'ru' ? RU : EN;
    return {
        read: (done, total) => draw('read', words.read(count(done, language), count(total, language), total), done === total),
        analysed: (done, total) => draw('analyse', words.analysing(count(done, language), count(total, language), total, done), done === total),
        end: () => {
            if (shown) stream.write(ERASE_LINE);
            shown = false;
        }
    };
}

/** Progress that shows nothing (not a terminal, CI, machine-readable output). */
export const NO_PROGRESS: LoadProgress = { read: () => undefined, analysed: () => undefined, end: () => undefined };

function count(value: number, language: Language): string {
    return value.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-US');
}

interface ProgressWords {
    read(done: string, total: string, totalCount: number): string;
    analysing(done: string, total: string, totalCount: number, doneCount: number): string;
}

const EN: ProgressWords = {
    read: (done, total, n) => `read ${done} of ${total} ${n === 1 ? 'file' : 'files'}`,
    analysing: (done, total, n, d) => (d === 0 ? 'analysing…' : `analysing ${done} of ${total} ${n === 1 ? 'file' : 'files'}`)
};

const RU: ProgressWords = {
    read: (done, total) => `прочитано файлов: ${done} из ${total}`,
    analysing: (done, total, _n, d) => (d === 0 ? 'анализ…' : `проанализировано файлов: ${done} из ${total}`)
};
