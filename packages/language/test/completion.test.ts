/**
 * Completion (spec §7): keywords valid at the cursor, and names where a name of a given kind goes.
 */
import { EmptyFileSystem, TextDocument } from 'langium';
import { expectCompletion, parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver';
import { createOkrServices } from '../src/okr-module.js';

const PLAN = `unit house "houses"
unit m2 "m²"
team Plasterers { headcount 3 }
team Штукатуры { headcount 2 }
objective Deliver {
  keyresult Houses { target 10 house per month via Construction }
}
process Construction {
  stage Plastering { output m2 team Plasterers capacity 40 m2 per day }
  stage Handover { output house needs 200 m2 per house }
}
process Стройка { stage Штукатурка { output m2 } }
kpi PlasterRate {
  of Construction.Plastering
  per person per day
}
`;

const DECLARATION_KEYWORDS = ['unit', 'calendar', 'policy', 'team', 'objective', 'process', 'kpi', 'scenario'];
const TIME_UNITS = ['day', 'week', 'month', 'quarter', 'year'];

function services() {
    return createOkrServices(EmptyFileSystem).Okr;
}

/** `PLAN` with `search` replaced by `replacement`, which marks the cursor with `<|>`. */
function at(search: string, replacement: string, text = PLAN): string {
    expect(text.includes(search), `the plan contains ${search}`).toBe(true);
    return text.replace(search, replacement);
}

/** The completion list at the single `<|>` of `text`. */
async function complete(text: string): Promise<CompletionList> {
    let list: CompletionList | undefined;
    await expectCompletion(services())({ text, index: 0, disposeAfterCheck: true, assert: completions => { list = completions; } });
    return list!;
}

async function labels(text: string): Promise<string[]> {
    return (await complete(text)).items.map(item => item.label);
}

/** Labels in the order an editor shows them (by sortText, then label). */
async function sortedLabels(text: string): Promise<string[]> {
    const items = (await complete(text)).items;
    return [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label)).map(item => item.label);
}

/** The text after accepting `item` in `text` (cursor marker removed). */
function accept(text: string, item: CompletionItem): string {
    const plain = text.replace('<|>', '');
    const document = TextDocument.create('file:///t.okr', 'okr', 0, plain);
    return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
}

describe('keywords', () => {
    it('proposes every declaration keyword in an empty file', async () => {
        expect(await labels('<|>')).toEqual(DECLARATION_KEYWORDS);
    });

    it('proposes declaration keywords after a complete declaration', async () => {
        expect(await labels(`${PLAN}\n<|>`)).toEqual(DECLARATION_KEYWORDS);
    });

    it('proposes the clauses a stage may still take, not the ones it has', async () => {
        // Handover has its output and a flow clause; a second one of either is a duplicate-clause error.
        expect(await labels(at('needs 200 m2 per house }', 'needs 200 m2 per house <|>}'))).toEqual(['team', 'cadence', 'capacity', 'nonstandard', 'owner']);
    });

    it('leaves flow clauses out of the first stage', async () => {
        expect(await labels(at('capacity 40 m2 per day }', 'capacity 40 m2 per day <|>}'))).toEqual(['cadence', 'nonstandard', 'owner']);
    });

    it('proposes every flow clause on a later stage that has none yet', async () => {
        expect(await labels(at('needs 200 m2 per house', '<|>'))).toEqual(['team', 'needs', 'yields', 'conversion', 'cadence', 'capacity', 'nonstandard', 'owner']);
    });

    it('proposes the KPI clauses not written yet, and actual again', async () => {
        expect(await labels(at('per person per day', 'per person per day\n  <|>'))).toEqual(['target', 'actual', 'owner']);
    });

    it('proposes key result, team and process clauses', async () => {
        expect(await labels(at('via Construction }', 'via Construction <|>}'))).toEqual(['milestone', 'actual', 'owner']);
        expect(await labels(at('{ headcount 3 }', '{ headcount 3 <|> }'))).toEqual(['availability', 'owner']);
        expect(await labels(at('  stage Handover', '  <|>\n  stage Handover'))).toEqual(['stage', 'nonstandard', 'owner']);
    });

    it('proposes workdays twice in a calendar, not a third time', async () => {
        expect(await labels(`${PLAN}calendar { workdays 20 per month <|> }`)).toEqual(['workdays', 'holiday']);
        // Holidays may be listed as often as needed (spec §8).
        expect(await labels(`${PLAN}calendar { workdays 20 per month workdays 5 per week holiday 2026-02-23 <|> }`)).toEqual(['holiday']);
    });

    it('does not propose a second calendar or policy, in any file of the workspace', async () => {
        const okr = services();
        const parse = parseHelper(okr);
        await parse('calendar { workdays 20 per month }\npolicy { tolerance 5% }', { documentUri: 'file:///settings.okr' });
        let items: string[] = [];
        await expectCompletion(okr)({ text: `${PLAN}<|>`, index: 0, assert: list => { items = list.items.map(item => item.label); } });
        expect(items).toEqual(['unit', 'team', 'objective', 'process', 'kpi', 'scenario']);
    });

    it('completes a keyword being typed, unless the block has that clause already', async () => {
        expect(await labels(at('output house needs', 'outp<|> needs'))).toEqual(['output']);
        expect(await labels(at('output house needs', 'output house outp<|> needs'))).toEqual([]);
    });

    it('proposes nothing after a number followed by a dot', async () => {
        expect(await labels(at('headcount 3 }', 'headcount 3.<|> }'))).toEqual([]);
        expect(await labels(at('needs 200 m2', 'needs 200..<|> m2'))).toEqual([]);
    });

    it('declares the dot as a trigger character', () => {
        expect(services().lsp.CompletionProvider?.completionOptions?.triggerCharacters).toContain('.');
    });
});

describe('units', () => {
    it('are proposed after output, with their labels', async () => {
        const list = await complete(at('output house', 'output <|>'));
        expect(list.items.map(item => [item.label, item.detail])).toEqual([['house', 'houses'], ['m2', 'm²']]);
    });

    it('are proposed after the amount of a flow clause, the previous stage output first', async () => {
        expect(await sortedLabels(at('needs 200 m2 per house', 'needs 200 <|>'))).toEqual(['m2', 'house']);
        expect(await sortedLabels(at('needs 200 m2 per house', 'needs 180..220 <|>'))).toEqual(['m2', 'house']);
        expect(await sortedLabels(at('needs 200 m2 per house', 'yields 2 <|>'))).toEqual(['house', 'm2']);
    });

    it('are proposed after `per` of a flow clause, this stage output first', async () => {
        const list = await complete(at('needs 200 m2 per house', 'needs 200 m2 per <|>'));
        expect(list.items.find(item => item.label === 'house')?.preselect).toBe(true);
        expect(list.items.find(item => item.label === 'm2')?.preselect).toBeFalsy();
    });

    it('are proposed in a rate, the fitting unit first', async () => {
        expect(await sortedLabels(at('capacity 40 m2 per day', 'capacity 40 <|>'))).toEqual(['m2', 'house']);
        expect(await sortedLabels(at('capacity 40 m2 per day', 'cadence 1 <|>'))).toEqual(['m2', 'house']);
        // The key result goes via Construction, whose last stage outputs houses.
        expect(await sortedLabels(at('target 10 house per month', 'target 10 <|>'))).toEqual(['house', 'm2']);
    });
});

describe('time units', () => {
    it('follow `per` in a rate, without person', async () => {
        expect(await labels(at('target 10 house per month', 'target 10 house per <|>'))).toEqual(TIME_UNITS);
        expect(await labels(`${PLAN}calendar { workdays 21 per <|> }`)).toEqual(TIME_UNITS);
    });

    it('follow `per` in a KPI, with person', async () => {
        expect(await labels(at('per person per day', 'per <|>'))).toEqual(['person', ...TIME_UNITS]);
        expect(await labels(at('per person per day', 'per person per <|>'))).toEqual(TIME_UNITS);
    });
});

describe('names', () => {
    it('proposes qualified stages after of', async () => {
        const list = await complete(at('of Construction.Plastering', 'of <|>'));
        expect(list.items.map(item => [item.label, item.detail])).toEqual([
            ['Construction.Plastering', 'Stage'], ['Construction.Handover', 'Stage'], ['Стройка.Штукатурка', 'Stage']
        ]);
    });

    it('describes a name without a label by its kind, in the editor\'s language', async () => {
        const okr = services();
        okr.i18n.Messages.language = 'ru';
        let details: Array<string | undefined> = [];
        await expectCompletion(okr)({ text: at('via Construction', 'via <|>'), index: 0, disposeAfterCheck: true, assert: list => { details = list.items.map(item => item.detail); } });
        expect(details).toEqual(['Процесс', 'Процесс']);
    });

    it('completes a stage after the process name and its dot', async () => {
        const text = at('of Construction.Plastering', 'of Construction.<|>');
        const list = await complete(text);
        expect(list.items.map(item => item.label)).toEqual(['Construction.Plastering', 'Construction.Handover']);
        expect(accept(text, list.items[1])).toContain('of Construction.Handover\n');
    });

    it('finds a stage by its own name, after the dot', async () => {
        const text = at('of Construction.Plastering', 'of plas<|>');
        const list = await complete(text);
        expect(list.items.map(item => item.label)).toEqual(['Construction.Plastering']);
        expect(accept(text, list.items[0])).toContain('of Construction.Plastering\n');
    });

    it('completes Cyrillic names, in any case', async () => {
        expect(await labels(at('of Construction.Plastering', 'of Стройка.<|>'))).toEqual(['Стройка.Штукатурка']);
        expect(await labels(at('of Construction.Plastering', 'of стр<|>'))).toEqual(['Стройка.Штукатурка']);
        expect(await labels(at('team Plasterers capacity', 'team шт<|> capacity'))).toEqual(['Штукатуры']);
    });

    it('proposes teams after team in a stage, and nothing where a new team is named', async () => {
        expect(await labels(at('team Plasterers capacity', 'team <|> capacity'))).toEqual(['Plasterers', 'Штукатуры']);
        expect(await labels(`${PLAN}team <|>`)).toEqual([]);
    });

    it('proposes processes after via', async () => {
        const list = await complete(at('via Construction', 'via <|>'));
        expect(list.items.map(item => [item.label, item.detail])).toEqual([['Construction', 'Process'], ['Стройка', 'Process']]);
    });
});

describe('the clauses of the plan over time (spec §8)', () => {
    it('proposes period in an objective once, milestone in a key result, offtrack in a policy', async () => {
        expect(await labels(`${PLAN}objective Q { <|> }`)).toEqual(['keyresult', 'period', 'owner']);
        expect(await labels(`${PLAN}objective Q { period 2026-Q1 <|> }`)).toEqual(['keyresult', 'owner']);
        expect(await labels(`${PLAN}policy { tolerance 10% <|> }`)).toEqual(['uncertainty', 'offtrack']);
    });
});

describe('in a scenario (spec §9)', () => {
    const scenario = (body: string) => `${PLAN}scenario S {\n${body}\n}\n`;

    it('proposes the blocks a scenario takes, and the declarations each block may name', async () => {
        expect(await labels(scenario('<|>'))).toEqual(['team', 'keyresult', 'stage', 'kpi', 'process', 'calendar', 'policy']);
        expect(await labels(scenario('team <|>'))).toEqual(['Plasterers', 'Штукатуры']);
        expect(await labels(scenario('stage <|>'))).toEqual(['Construction.Plastering', 'Construction.Handover', 'Стройка.Штукатурка']);
        expect(await labels(scenario('keyresult <|>'))).toEqual(['Deliver.Houses']);
        expect(await labels(scenario('kpi <|>'))).toEqual(['PlasterRate']);
        expect(await labels(scenario('process <|>'))).toEqual(['Construction', 'Стройка']);
    });

    it('proposes only the clauses the block kind may change, less those it has', async () => {
        expect(await labels(scenario('team Plasterers { <|> }'))).toEqual(['headcount', 'availability']);
        expect(await labels(scenario('team Plasterers { headcount 4 <|> }'))).toEqual(['availability']);
        expect(await labels(scenario('stage Construction.Handover { <|> }'))).toEqual(['team', 'needs', 'yields', 'conversion', 'cadence', 'capacity', 'nonstandard']);
        expect(await labels(scenario('stage Construction.Handover { conversion 50% <|> }'))).toEqual(['team', 'cadence', 'capacity', 'nonstandard']);
        // The first stage of a process takes no flow clause.
        expect(await labels(scenario('stage Construction.Plastering { <|> }'))).toEqual(['team', 'cadence', 'capacity', 'nonstandard']);
        expect(await labels(scenario('kpi PlasterRate { <|> }'))).toEqual(['per', 'target']);
        expect(await labels(scenario('keyresult Deliver.Houses { <|> }'))).toEqual(['target', 'via']);
        expect(await labels(scenario('process Construction { <|> }'))).toEqual(['nonstandard']);
    });

    it('proposes a calendar and a policy block once per scenario, whatever the workspace has', async () => {
        const withSettings = `calendar { workdays 20 per month }\npolicy { tolerance 5% }\n${PLAN}`;
        expect(await labels(`${withSettings}scenario S {\n<|>\n}\n`)).toEqual(['team', 'keyresult', 'stage', 'kpi', 'process', 'calendar', 'policy']);
        expect(await labels(`${withSettings}scenario S {\ncalendar { workdays 19 per month }\n<|>\n}\n`)).toEqual(['team', 'keyresult', 'stage', 'kpi', 'process', 'policy']);
    });

    it('leaves out a declaration another block names already, and the scenario itself after extends', async () => {
        expect(await labels(scenario('team Plasterers { headcount 4 }\nteam <|>'))).toEqual(['Штукатуры']);
        expect(await labels(`${PLAN}scenario T { }\nscenario S extends <|> { }\n`)).toEqual(['T']);
    });

    it('puts the unit that fits first in a scenario\'s flow clause', async () => {
        const items = (await complete(scenario('stage Construction.Handover { needs 180 <|> }'))).items;
        expect(items.find(item => item.preselect)?.label).toBe('m2');
    });
});
