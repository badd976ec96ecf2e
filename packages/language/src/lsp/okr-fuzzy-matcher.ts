/**
 * The fuzzy matching completion and workspace symbols filter with. Langium's default folds case
 * for ASCII only and starts words only at the start, at `_` and at ASCII camelCase humps, so `шт`
 * did not find `Штукатуры` and `plas` did not find `Construction.Plastering`. Here case is folded
 * for every script, and a word also starts after a `.` (or any other non-letter, non-digit) and
 * at a lower-to-upper-case hump in any script.
 *
 * As in the default, the query's first character must match at the start of a word; the rest must
 * follow in order, anywhere after it.
 */
import type { FuzzyMatcher } from 'langium/lsp';

export class OkrFuzzyMatcher implements FuzzyMatcher {
    match(query: string, text: string): boolean {
        const wanted = Array.from(query).map(fold);
        if (wanted.length === 0) return true;
        const chars = Array.from(text);
        let next = 0;
        let started = false;
        for (let index = 0; index < chars.length; index++) {
            if (fold(chars[index]) !== wanted[next]) continue;
            started ||= isWordStart(chars, index);
            if (!started) continue;
            next++;
            if (next === wanted.length) return true;
        }
        return false;
    }
}

function fold(char: string): string {
    return char.toLowerCase();
}

const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;

function isWordStart(chars: string[], index: number): boolean {
    if (index === 0) return true;
    const previous = chars[index - 1];
    const current = chars[index];
    if (!LETTER_OR_DIGIT.test(previous)) return true;
    return LOWER.test(previous) && UPPER.test(current);
}
