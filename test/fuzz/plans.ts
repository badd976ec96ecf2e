/**
 * The inputs of the property-based runs: every example and test plan, and the ways an editor
 * sees them half-typed or mangled — prefixes, token deletions, duplications and swaps, stray
 * braces and quotes, hostile numbers and hostile bytes. Seeded (OKR_FUZZ_SEED) so a failure
 * can be replayed; sized by OKR_FUZZ_RUNS (npm test: 1,000 cases; npm run test:fuzz: 20,000).
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const FUZZ_SEED = Number(process.env.OKR_FUZZ_SEED ?? 20261201);
export const FUZZ_RUNS = Number(process.env.OKR_FUZZ_RUNS ?? 1000);

function okrFilesUnder(folder: string): string[] {
    return readdirSync(folder).flatMap(name => {
        const full = path.join(folder, name);
        if (statSync(full).isDirectory()) return okrFilesUnder(full);
        return name.endsWith('.okr') ? [full] : [];
    });
}

/** Plans written for the tests: each exercises clauses the examples do not. */
const TEST_PLANS = [
    `unit lead "leads"\nunit deal "deals"\ncalendar { workdays 20 per month workdays 5 per week }\npolicy { tolerance 5% uncertainty 30% }\n` +
        `team Sales { headcount 2.5 availability 80% }\nteam Ops { headcount 4 }\n` +
        `objective Grow { keyresult Deals { target 5..8 deal per week via Funnel actual 2026-W03 4 cause "holidays" actual 2026-Q1 70 } }\n` +
        `process Funnel { nonstandard\n stage Leads { output lead team Sales 60% cadence 100 lead per month capacity 10 lead per day }\n` +
        ` stage Deals { output deal team Sales 40% conversion 2%..4% } }\n` +
        `kpi LeadRate { of Funnel.Leads per person per day target 3 actual 2026-01-15 2 }\nkpi Floating { target 1 }\n`,
    `unit m2\nunit house\nteam Crew { headcount 3 }\nteam Crew { headcount 2 }\nprocess Build { stage Wall { output m2 team Crew } stage Done { output house yields 0.005 house per m2 } }\n` +
        `objective O { keyresult K { target 10 m2 per month via Build } keyresult Q "qualitative" }\nkpi K1 { of Build.Wall per person per week actual 2026-13 5 actual 2026-02-30 3 }\n`,
    // Scenarios (spec §9): every kind of block, extends, and a cycle.
    `unit m2\nunit house\nteam Crew { headcount 3 }\nobjective O { period 2026-Q1 keyresult K { target 10 house per month via Build } }\n` +
        `process Build { stage Wall { output m2 team Crew } stage Done { output house needs 200 m2 per house } }\nkpi Rate { of Build.Wall per person per day target 30 }\n` +
        `scenario Hire "Hire" extends Base { team Crew { headcount 5 availability 90% } keyresult O.K { target 30 house via Build }\n` +
        ` stage Build.Done { conversion 50%..60% } stage Build.Wall { team Crew 80% capacity 40 m2 per day cadence 10 m2 per day nonstandard }\n` +
        ` kpi Rate { target 25 per person per week } process Build { nonstandard } calendar { workdays 20 per month holiday 2026-01-01..2026-01-08 } policy { tolerance 5% offtrack 20% } }\n` +
        `scenario Base { team Crew { headcount 4 } }\nscenario Loop extends Loop { }\n`
];

export const PLANS: readonly string[] = [...okrFilesUnder(path.join(ROOT, 'examples')).sort().map(file => readFileSync(file, 'utf8')), ...TEST_PLANS];

const HOSTILE_NUMBERS = ['1e308', '1e-320', '0', '-5', '5..1', '999%', '0%', '1e999', '00.5', '1__0', '2,5', '..', '3..'];
const HOSTILE_TEXT = ['\u0000', '\uFEFF', '\u202E', '{', '}', '"', '""', '/*', '*/', '//', '.', '..', '%', '\n', ' ', 'per', 'of', 'stage', 'kpi', 'target', '\r\n', 'é', 'Штукатуры'];

/** The text cut at a random point: what the editor holds while the plan is typed. */
export const prefix = fc.constantFrom(...PLANS).chain(plan => fc.nat({ max: plan.length }).map(cut => plan.slice(0, cut)));

/** Tokens as an editor's typing sees them: words, numbers, strings, comments, punctuation, whitespace. */
function tokens(text: string): string[] {
    return text.match(/"(?:\\.|[^"\\\n])*"?|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[\p{L}_][\p{L}\p{N}_]*|\d[\d_.%eE+-]*|\s+|./gsu) ?? [];
}

type Edit = (parts: string[], at: number, other: number, extra: string) => string[];

const EDITS: Edit[] = [
    (parts, at) => parts.filter((_, index) => index !== at), // delete a token
    (parts, at) => [...parts.slice(0, at + 1), ...parts.slice(at)], // duplicate it
    (parts, at, other) => { // swap two tokens
        const copy = [...parts];
        [copy[at], copy[other]] = [copy[other], copy[at]];
        return copy;
    },
    (parts, at, _other, extra) => [...parts.slice(0, at), extra, ...parts.slice(at)], // insert stray text or bytes
    (parts, at, _other, extra) => parts.map((part, index) => (index === at && /^\d/.test(part) ? extra : part)) // a hostile number
];

const edit = fc.record({
    kind: fc.nat({ max: EDITS.length - 1 }),
    at: fc.nat(),
    other: fc.nat(),
    extra: fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom(...HOSTILE_NUMBERS))
});

/** A plan with one to five random edits. */
export const mutated = fc.tuple(fc.constantFrom(...PLANS), fc.array(edit, { minLength: 1, maxLength: 5 })).map(([plan, edits]) => {
    let parts = tokens(plan);
    for (const { kind, at, other, extra } of edits) {
        if (parts.length === 0) break;
        parts = EDITS[kind](parts, at % parts.length, other % parts.length, extra);
    }
    return parts.join('');
});

/** Positions to ask about (hover, completion): a few offsets of the text. */
export const offsets = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

/** Text that must never reach a user. */
export const FORBIDDEN = /\bNaN\b|\bInfinity\b|\bundefined\b/;
