/**
 * "Did you mean …?": the candidates nearest to a word by edit distance (insertions, deletions,
 * substitutions and swaps of neighbouring characters), case-insensitive, in any script. Used for
 * keywords after a typo (`stag` → `stage`) and for names that resolve to nothing
 * (`Construction.Plasterin` → `Construction.Plastering`).
 */

/** Optimal string alignment distance between two strings, compared by code point and case-folded. */
export function editDistance(a: string, b: string): number {
    const x = Array.from(a.toLowerCase());
    const y = Array.from(b.toLowerCase());
    const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i, ...new Array<number>(y.length).fill(0)]);
    for (let j = 1; j <= y.length; j++) rows[0][j] = j;
    for (let i = 1; i <= x.length; i++) {
        for (let j = 1; j <= y.length; j++) {
            const cost = x[i - 1] === y[j - 1] ? 0 : 1;
            rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
        }
    }
    return rows[x.length][y.length];
}

/**
 * The candidates close enough to `word` to be what was meant, nearest first (ties in the given
 * order): at most a third of the longer word's letters wrong, and at least one right.
 */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
    const scored: { candidate: string; distance: number; order: number }[] = [];
    let order = 0;
    for (const candidate of new Set(candidates)) {
        const length = Math.max(Array.from(word).length, Array.from(candidate).length);
        const distance = editDistance(word, candidate);
        if (distance < length && distance <= Math.max(1, Math.floor(length / 3))) scored.push({ candidate, distance, order: order++ });
    }
    return scored.sort((a, b) => a.distance - b.distance || a.order - b.order).slice(0, limit).map(entry => entry.candidate);
}
