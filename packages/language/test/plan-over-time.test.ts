/**
 * Spec §8 through the language services: every new construct parses (its keywords stay usable
 * as names), its diagnostics sit where the spec says, in English and Russian, and the worked
 * figures reach the analysis.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from './workspace.js';

export const QUARTER_PLAN = `unit house "houses"
unit m2 "m²"
calendar {
  workdays 21 per month
  workdays 5 per week
  holiday 2026-01-01..2026-01-08
  holiday 2026-02-23
}
policy { tolerance 10% offtrack 25% }
team Plasterers { headcount 3 }
objective Deliver "Hand over the Q1 homes" {
  period 2026-Q1
  keyresult Handed "30 houses in Q1" {
    target 30 house
    via Construction
    milestone 2026-01 8
    milestone 2026-02 18
    actual 2026-02-13 11
  }
}
process Construction {
  stage Plastering { output m2 team Plasterers }
  stage Handover { output house needs 200 m2 per house }
}
kpi PlasterRate {
  of Construction.Plastering
  per person per day
}
`;

describe('the §8 example through the language', () => {
    it('parses, and gives W = 57, 35.1 m²/person/day, E = 13.26 and −17.1 %', async () => {
        const workspace = await buildWorkspace(QUARTER_PLAN);
        expect(workspace.withCode('parse-error')).toEqual([]);
        const { analysis } = workspace.services.plan.PlanWorkspace.current();
        const [handed] = analysis.keyResults;
        expect(handed).toMatchObject({ name: 'Deliver.Handed', kind: 'total', period: '2026-Q1', workdays: 57, status: 'at-risk' });
        expect(analysis.kpis[0].figure?.value).toBeCloseTo((30 / 57) * 200 / 3, 10);
        expect(handed.actuals[0].expected).toBeCloseTo(8 + 100 / 19, 10);
        expect(handed.actuals[0].deviation?.toFixed(3)).toBe('-0.171');
        expect(handed.projection.pace).toBeCloseTo((11 * 57) / 26, 10);
        expect(analysis.objectives).toMatchObject([{ name: 'Deliver', period: '2026-Q1', status: 'at-risk' }]);
        expect(analysis.calendar.holidays).toEqual(['2026-01-01..2026-01-08', '2026-02-23']);
    });

    it('puts key-result-behind-plan on the actual clause, in English and Russian', async () => {
        const en = await buildWorkspace(QUARTER_PLAN);
        const [behind] = en.withCode('key-result-behind-plan');
        expect(en.textOf(behind)).toBe('actual 2026-02-13 11');
        expect(behind.message).toBe('2026-02-13: actual 11 houses is -17.1% against the expected total of 13.3 (tolerance 10%). Add people to the limiting stage, lower the target, or record the cause.');
        const ru = await buildWorkspace(QUARTER_PLAN, 'ru');
        expect(ru.withCode('key-result-behind-plan')[0].message).toContain('−17.1%'.replace('−', '-'));
        expect(ru.withCode('key-result-behind-plan')[0].message).toContain('ожидаемого итога 13.3');
        const withCause = await buildWorkspace(QUARTER_PLAN.replace('actual 2026-02-13 11', 'actual 2026-02-13 11 cause "frost"'));
        expect(withCause.withCode('key-result-behind-plan')[0].severity).toBe(3);
    });

    it('keeps the new keywords usable as names', async () => {
        const workspace = await buildWorkspace(`unit period "periods"
team milestone { headcount 2 }
objective offtrack { keyresult period { target 3 period per month via holiday } }
process holiday { stage milestone { output period team milestone } }
kpi offtrack2 { of holiday.milestone per person per day }
`);
        expect(workspace.withCode('parse-error')).toEqual([]);
        expect(workspace.withCode('linking-error')).toEqual([]);
        expect(workspace.services.plan.PlanWorkspace.current().analysis.kpis[0].figure?.value).toBeCloseTo(3 / 21 / 2, 10);
    });
});

describe('§8 diagnostics and their placement', () => {
    it('missing-period sits on the target of a total whose objective has no period', async () => {
        const workspace = await buildWorkspace(QUARTER_PLAN.replace('  period 2026-Q1\n', ''));
        const [missing] = workspace.withCode('missing-period');
        expect(workspace.textOf(missing)).toBe('target 30 house');
        expect(missing.severity).toBe(1);
        expect(missing.message).toContain("objective 'Deliver' has none");
        const ru = await buildWorkspace(QUARTER_PLAN.replace('  period 2026-Q1\n', ''), 'ru');
        expect(ru.withCode('missing-period')[0].message).toContain('у цели «Deliver» период не задан');
    });

    it('actual-outside-period sits on the actual', async () => {
        const workspace = await buildWorkspace(QUARTER_PLAN.replace('actual 2026-02-13 11', 'actual 2026-02-13 11\n    actual 2026-04 30'));
        const [outside] = workspace.withCode('actual-outside-period');
        expect(workspace.textOf(outside)).toBe('actual 2026-04 30');
        expect(outside.severity).toBe(2);
        expect(outside.message).toContain('outside the objective\'s period 2026-Q1');
    });

    it('duplicate-actual sits on each earlier check-in of the same period', async () => {
        const workspace = await buildWorkspace(QUARTER_PLAN.replace('actual 2026-02-13 11', 'actual 2026-02-13 2\n    actual 2026-02-13 11'));
        const duplicates = workspace.withCode('duplicate-actual');
        expect(duplicates.map(d => workspace.textOf(d))).toEqual(['actual 2026-02-13 2']);
        expect(workspace.withCode('key-result-behind-plan')).toHaveLength(1);
    });

    it('key-result-projected-short sits on the target and names the limiting stage', async () => {
        const plan = QUARTER_PLAN.replace('per person per day\n', 'per person per day\n  actual 2026-01 27\n');
        const workspace = await buildWorkspace(plan);
        const [short] = workspace.withCode('key-result-projected-short');
        expect(workspace.textOf(short)).toBe('target 30 house');
        // 27 × 3 / 200 = 0.405 house a day × 57 = 23.1 houses.
        expect(short.message).toBe('At the latest KPI actuals, Construction.Plastering limits the output to 23.1 houses in 2026-Q1 against a target of 30 (-23%). Add people to that stage, or lower the target.');
        const ru = await buildWorkspace(plan, 'ru');
        expect(ru.withCode('key-result-projected-short')[0].message).toContain('этап Construction.Plastering ограничивает выпуск до 23.1');
    });

    it('invalid-quantity on milestones, periods, holidays, offtrack and workdays', async () => {
        const cases: [string, string, string][] = [
            ['milestone 2026-02 18', 'milestone 2026-02 31', 'exceeds the target'],
            ['milestone 2026-01 8', 'milestone 2026-04 8', 'outside the objective'],
            ['period 2026-Q1', 'period 2026-01-01..2026-01-08', 'no working day'],
            ['period 2026-Q1', 'period 2026-03-31..2026-01-12', 'after the last'],
            ['holiday 2026-02-23', 'holiday 2026-02', 'a holiday is one day'],
            ['offtrack 25%', 'offtrack 5%', 'must be above the tolerance'],
            ['workdays 5 per week', 'workdays 4.5 per week', 'whole number from 1 to 7'],
            ['target 30 house', 'target 20..30 house', 'one number, not a range']
        ];
        for (const [from, to, message] of cases) {
            const workspace = await buildWorkspace(QUARTER_PLAN.replace(from, to));
            const invalid = workspace.withCode('invalid-quantity');
            expect(invalid.map(d => workspace.textOf(d)), to).toEqual([to]);
            expect(invalid[0].message, to).toContain(message);
        }
        const ru = await buildWorkspace(QUARTER_PLAN.replace('milestone 2026-02 18', 'milestone 2026-02 31'), 'ru');
        expect(ru.withCode('invalid-quantity')[0].message).toContain('больше цели');
    });
});

describe('§8 in the editor: hovers, hints and fixes', () => {
    async function hover(text: string, at: string, language: 'en' | 'ru' = 'en'): Promise<string> {
        const workspace = await buildWorkspace(text, language);
        const document = workspace.documents.get('plan.okr')!;
        const position = document.textDocument.positionAt(document.textDocument.getText().indexOf(at) + at.length - 1);
        const result = await workspace.services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        return (result?.contents as { value: string } | undefined)?.value ?? '';
    }

    async function hintLabels(text: string): Promise<string[]> {
        const workspace = await buildWorkspace(text);
        const document = workspace.documents.get('plan.okr')!;
        const range = { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) };
        const found = (await workspace.services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range })) ?? [];
        return found.map(hint => String(hint.label));
    }

    const TWO_CHECK_INS = QUARTER_PLAN.replace('actual 2026-02-13 11', 'actual 2026-01 8\n    actual 2026-02-13 11').replace('per person per day\n', 'per person per day\n  actual 2026-01 30\n  actual 2026-02 27\n');

    it('shows a total key result with its period, progress against expected, status, check-ins, trend and projection', async () => {
        const text = await hover(TWO_CHECK_INS, 'keyresult Handed');
        expect(text).toContain('**30 houses in 2026-Q1 (57 working days)** · via Construction');
        expect(text).toContain('Status: **at risk** · Progress: 36.7% (expected 44.2%)');
        expect(text).toContain('- 2026-02-13: 11, expected 13.3, -17.1% (at risk)\n- 2026-01: 8, expected 8, 0% (on track)');
        expect(text).toMatch(/Trend, actual · plan: `[▁-█]{2}` · `[▁-█]{2}`/);
        // 27 × 3 / 200 × 57 = 23.1 houses, limited by plastering; the pace 11 × 57 / 26 = 24.1.
        expect(text).toContain('Projection: 24.1 houses at this pace; 23.1 houses (-23%), limited by Construction.Plastering');
        const ru = await hover(TWO_CHECK_INS, 'keyresult Handed', 'ru');
        expect(ru).toContain('за 2026-Q1 (рабочих дней: 57)');
        expect(ru).toContain('Статус: **под угрозой**');
    });

    it('shows a KPI status and trend', async () => {
        const text = await hover(TWO_CHECK_INS, 'kpi PlasterRate');
        expect(text).toContain('Status: **');
        expect(text).toMatch(/Trend, actual · plan: `[▁-█]{2}` · `[▁-█]{2}`/);
    });

    it('hints deviation and status at the end of each check-in line', async () => {
        expect(await hintLabels(TWO_CHECK_INS)).toEqual(expect.arrayContaining(['-17.1% · at risk', '0% · on track']));
    });

    it('offers the three responses to key-result-behind-plan', async () => {
        const workspace = await buildWorkspace(TWO_CHECK_INS);
        const document = workspace.documents.get('plan.okr')!;
        const [diagnostic] = workspace.withCode('key-result-behind-plan');
        const actions = (await workspace.services.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as { title: string; edit?: { changes?: Record<string, { newText: string }[]> } }[];
        const titles = actions.map(action => action.title);
        // 3 × 13.26 / 11 = 3.6 → 4 plasterers; 30 × 11 / 13.26 = 24.9 → 24 houses.
        expect(titles).toEqual([
            "Add people: raise Plasterers' headcount to 4 (what the actual pace needs)",
            "Adjust the plan: lower Deliver.Handed's target to 24 (what the actual pace gives)",
            'Analyse the causes: record why with cause ""'
        ]);
        const newTexts = actions.map(action => Object.values(action.edit?.changes ?? {}).flat().map(edit => edit.newText).join(''));
        expect(newTexts).toEqual(['4', '24', ' cause ""']);
    });
});
