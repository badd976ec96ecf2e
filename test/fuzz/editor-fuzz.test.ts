/**
 * Property-based: whatever is typed, the editor's answers stay total and clean (issue 9). Every
 * example and test plan is cut at random points (the prefixes an editor sees while a plan is
 * typed) and mangled at random (tokens deleted, duplicated, swapped; stray braces, quotes,
 * hostile numbers and bytes); no request may throw, and nothing a user sees may read NaN,
 * Infinity or undefined. 1,000 cases here; `npm run test:fuzz` runs 20,000.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FuzzEditor } from './editor.js';
import { FORBIDDEN, FUZZ_RUNS, FUZZ_SEED, mutated, offsets, PLANS, prefix } from './plans.js';

async function clean(editor: FuzzEditor, text: string, fractions: number[]): Promise<void> {
    for (const answer of await editor.visit(text, fractions)) {
        const found = FORBIDDEN.exec(answer);
        if (found) throw new Error(`'${found[0]}' reached the user: …${answer.slice(Math.max(0, found.index - 120), found.index + 40)}…`);
    }
}

describe('every request on half-typed and mangled plans', () => {
    for (const [name, texts, share] of [['prefixes of every plan', prefix, 0.4], ['random edits of every plan', mutated, 0.6]] as const) {
        it(`answers without exceptions or NaN/Infinity/undefined: ${name}`, async () => {
            const editor = new FuzzEditor();
            await fc.assert(fc.asyncProperty(texts, offsets, (text, fractions) => clean(editor, text, fractions)), {
                seed: FUZZ_SEED,
                numRuns: Math.round(FUZZ_RUNS * share),
                endOnFailure: true
            });
        }, 600_000);
    }
});

// The long run (npm run test:fuzz) also types every plan character by character, as an editor sees it.
if (FUZZ_RUNS >= 20_000) {
    describe('every prefix of every plan', () => {
        it('answers without exceptions or NaN/Infinity/undefined', async () => {
            const editor = new FuzzEditor();
            for (const plan of PLANS) {
                for (let cut = 0; cut <= plan.length; cut++) await clean(editor, plan.slice(0, cut), [0.5]);
            }
        }, 3_600_000);
    });
}
