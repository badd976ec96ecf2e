/**
 * Messages that point at the real cause (issue 10): each typo a user makes gives one error that
 * names it and the fix that works, in English and in Russian, with nothing else beside it; and
 * every catalogue message, fed sample arguments, reads as a sentence (no NaN, undefined, "(s)",
 * and plural forms by Intl.PluralRules).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EN_FINDINGS } from '../src/i18n/en-findings.js';
import { RU_FINDINGS } from '../src/i18n/ru-findings.js';
import { Messages, type FindingMessages } from '../src/i18n/messages.js';
import type { PlanFindingArgs, PlanFindingCode } from '../src/plan/plan-findings.js';
import { buildWorkspace } from './workspace.js';

const PLASTERING = readFileSync(new URL('../../../examples/plastering/plastering.okr', import.meta.url), 'utf8');

/** The plastering example with one mistake, and what its one diagnostic must say in each language. */
const TYPOS: { name: string; from: string; to: string; en: RegExp; ru: RegExp }[] = [
    { name: 'stag', from: '  stage Handover "Handover" {', to: '  stag Handover "Handover" {', en: /`stag` is not a keyword in a process — did you mean `stage`\?/, ru: /`stag` — не ключевое слово в процессе\. Может быть, `stage`\?/ },
    { name: 'keyresul', from: 'keyresult Houses', to: 'keyresul Houses', en: /`keyresul` is not a keyword in an objective — did you mean `keyresult`\?/, ru: /Может быть, `keyresult`\?/ },
    { name: 'taget', from: 'target 10 house', to: 'taget 10 house', en: /`taget` is not a keyword in a key result — did you mean `target`\?/, ru: /Может быть, `target`\?/ },
    { name: 'per persons', from: 'per person per day', to: 'per persons per day', en: /found `persons` — did you mean `person`\?/, ru: /Может быть, `person`\?/ },
    { name: '200m2', from: 'needs 200 m2 per house', to: 'needs 200m2 per house', en: /write `200 m2` with a space/, ru: /напишите `200 m2` через пробел/ },
    { name: '10house', from: 'target 10 house', to: 'target 10house', en: /write `10 house` with a space/, ru: /`10 house`/ },
    { name: '2,5', from: 'headcount 3', to: 'headcount 2,5', en: /decimals are written with a point: write `2\.5`/, ru: /напишите `2\.5`/ },
    { name: 'Plasterin', from: 'of Construction.Plastering', to: 'of Construction.Plasterin', en: /Unknown stage 'Construction\.Plasterin' — did you mean `Construction\.Plastering`\?/, ru: /Может быть, `Construction\.Plastering`\?/ }
];

describe('one mistake, one error', () => {
    for (const typo of TYPOS) {
        for (const language of ['en', 'ru'] as const) {
            it(`${typo.name} (${language}): one error naming the cause and the fix, no false errors beside it`, async () => {
                expect(PLASTERING).toContain(typo.from);
                const workspace = await buildWorkspace(PLASTERING.replace(typo.from, typo.to), language);
                const errors = workspace.diagnostics().filter(d => d.severity === 1);
                expect(errors.map(d => d.message)).toEqual([expect.stringMatching(typo[language])]);
                // The example's own finding stays; nothing new beside the error.
                expect(workspace.codes().filter(code => code !== 'kpi-behind-plan' && code !== 'key-result-projected-short' && code !== 'parse-error' && code !== 'linking-error')).toEqual([]);
            });
        }
    }

    it('a percentage with a space is one error that says to remove the space', async () => {
        const workspace = await buildWorkspace(PLASTERING.replace('headcount 3', 'headcount 3\n  availability 80 %'));
        expect(workspace.diagnostics().filter(d => d.severity === 1).map(d => d.message)).toEqual([expect.stringContaining('write `80%`')]);
    });

    it('an unknown word with no keyword near it lists what the block takes', async () => {
        const workspace = await buildWorkspace(PLASTERING.replace('  stage Handover "Handover" {', '  zzzzz Handover "Handover" {'));
        expect(workspace.withCode('parse-error').map(d => d.message)).toEqual(['Syntax error: `zzzzz` has no meaning in a process: write `stage`, `nonstandard` or `owner`.']);
    });

    it('a name declared twice says where the other declaration is', async () => {
        const workspace = await buildWorkspace({ 'a.okr': PLASTERING, 'b.okr': '\nteam Plasterers { headcount 2 }\n' });
        expect(workspace.withCode('duplicate-name', 'a.okr')[0].message).toContain("'Plasterers' is declared 2 times (also at b.okr:2)");
        expect(workspace.withCode('duplicate-name', 'b.okr')[0].message).toContain('(also at a.okr:9)');
    });

    it('offers the nearest declared name as a quick fix for an unresolved reference', async () => {
        const workspace = await buildWorkspace(PLASTERING.replace('of Construction.Plastering', 'of Construction.Plasterin'));
        const [diagnostic] = workspace.withCode('linking-error');
        const document = workspace.documents.get('plan.okr')!;
        const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        const [fix] = actions as { title: string; isPreferred?: boolean; edit?: { changes?: Record<string, { newText: string }[]> } }[];
        expect(fix).toMatchObject({ title: 'Change to Construction.Plastering', isPreferred: true });
        expect(Object.values(fix.edit?.changes ?? {})[0][0].newText).toBe('Construction.Plastering');
    });
});

/** Sample arguments for every code: the compiler asks for a sample whenever a code is added. */
const SAMPLES: { [C in PlanFindingCode]: PlanFindingArgs[C][] } = {
    'kpi-without-key-result': [{ kpi: 'K', stage: 'P.S', process: 'P' }],
    'kpi-without-process': [{ kpi: 'K' }],
    'kpi-on-uncertain-work': [{ kpi: 'K', stage: 'P.S', reason: 'nonstandard', nonstandard: 'process' }, { kpi: 'K', stage: 'P.S', reason: 'spread', spread: 0.6, limit: 0.5, low: 1, value: 2, high: 2.2 }],
    'kpi-target-below-plan': [{ kpi: 'K', target: 30, low: 33.3, value: 40, shortfall: 0.1, suggested: 40 }, { kpi: 'K', target: 30, low: 31.7, value: 31.7, shortfall: 0.05 }],
    'kpi-behind-plan': [{ kpi: 'K', period: '2026-01', actual: 1, plan: 2, deviation: -0.5, tolerance: 0.1 }],
    'cadence-below-plan': [{ stage: 'P.S', cadence: 1, required: 2, per: 'week' }, { stage: 'P.S', unit: 'm2', cadence: 1, required: 2, per: 'month' }],
    'process-without-key-result': [{ process: 'P' }],
    'unused-team': [{ team: 'T' }],
    'unit-mismatch': [
        { what: 'key-result-target', found: 'm2', expected: 'house', keyResult: 'O.K' },
        { what: 'needs', found: 'm2', expected: 'house', stage: 'P.S', position: 'unit', previousStage: 'P.R' },
        { what: 'capacity', found: 'm2', expected: 'house', stage: 'P.S' }
    ],
    'missing-flow': [{ stage: 'P.S', previousStage: 'P.R' }],
    'missing-output': [{ stage: 'P.S' }],
    'flow-on-first-stage': [{ stage: 'P.S', flow: 'needs' }],
    'missing-target': [{ keyResult: 'O.K' }],
    'invalid-quantity': [
        { what: 'headcount', percent: false, reason: 'out-of-range', allowed: 'positive', value: 0 },
        { what: 'conversion', percent: true, reason: 'reversed', low: 0.05, high: 0.02 },
        { what: 'availability', percent: true, reason: 'range-not-allowed', low: 0.5, high: 0.8 },
        { what: 'workdays', percent: false, reason: 'not-finite', allowed: 'positive', per: 'month' },
        { what: 'period', reason: 'not-a-period', period: '2026-13', problem: 'month' },
        { what: 'missing-headcount', reason: 'missing', team: 'T' },
        { what: 'share', reason: 'needs-percent' },
        { what: 'workdays', reason: 'workdays-period', per: 'day' }
    ],
    'kpi-needs-team': [{ kpi: 'K', stage: 'P.S' }],
    'over-capacity': [{ stage: 'P.S', team: 'T', perPerson: 47.6, capacity: 40, per: 'day', headcount: 2, neededHeadcount: 1 }, { stage: 'P.S', team: 'T', perPerson: 47.6, capacity: 40, per: 'day', headcount: 2, neededHeadcount: 5 }],
    'team-over-allocated': [{ team: 'T', totalShare: 1.2, stageCount: 2 }],
    'duplicate-name': [1, 2, 3, 5, 11, 21, 22].map(count => ({ name: 'X', count, others: 'a.okr:3' })),
    'duplicate-calendar': [{ first: 'a.okr:1' }],
    'duplicate-policy': [{ first: 'a.okr:1' }],
    'duplicate-clause': [{ clause: 'flow' }, { clause: 'output' }],
    'parse-error': [{ word: 'stag', block: 'process', keywords: 'stage, nonstandard, owner', suggestion: 'stage' }, { word: 'x', block: 'plan', keywords: 'unit, kpi' }],
    'internal-error': [{ detail: 'boom' }]
};

describe('every catalogue message with sample arguments', () => {
    const catalogues: [string, FindingMessages][] = [['en', EN_FINDINGS], ['ru', RU_FINDINGS]];
    for (const [language, catalogue] of catalogues) {
        it(`reads as a sentence in ${language}: no NaN, undefined, Infinity or (s)`, () => {
            const messages = new Messages();
            messages.language = language as 'en' | 'ru';
            for (const [code, samples] of Object.entries(SAMPLES)) {
                expect(catalogue[code as PlanFindingCode], code).toBeTypeOf('function');
                for (const args of samples) {
                    const text = messages.finding({ code, severity: 'warning', site: undefined as never, args } as never);
                    expect(text, `${code} ${JSON.stringify(args)}`).not.toMatch(/NaN|undefined|Infinity|\(s\)|\(а\)|\(ам\)|\[object/);
                    expect(text.length, code).toBeGreaterThan(10);
                }
            }
        });
    }

    it('uses the plural forms of each language', () => {
        const messages = new Messages();
        const duplicate = (count: number) => messages.finding({ code: 'duplicate-name', severity: 'error', site: undefined as never, args: { name: 'X', count, others: 'b.okr:7' } });
        expect(duplicate(2)).toContain('declared 2 times');
        messages.language = 'ru';
        expect(duplicate(2)).toContain('объявлено 2 раза');
        expect(duplicate(5)).toContain('объявлено 5 раз');
        expect(duplicate(21)).toContain('объявлено 21 раз (ещё в b.okr:7)');
        expect(duplicate(22)).toContain('объявлено 22 раза');
    });
});
