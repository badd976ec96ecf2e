/**
 * The check-in edit (spec §11) the CLI and the editor share: where a new `actual` goes, how an
 * existing period is updated, blocks created and laid out, comments kept, values and periods written.
 */
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOkrServices } from '../src/okr-module.js';
import { checkinTargetNames, computeCheckinEdit, locateCheckinTargets, proposedCheckinPeriod, type CheckinEntry } from '../src/lsp/checkin-edit.js';
import { canonicalPeriod, currentPeriod, formatCheckinValue, nearestNames, parseCheckinValue, quoteCause } from '../src/lsp/checkin-values.js';

const services = createOkrServices(EmptyFileSystem).Okr;
let id = 0;

/** Records `entry` on `name` in `text` and returns the outcome, the new text and the 1-based line. */
async function record(text: string, name: string, entry: CheckinEntry) {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///checkin/${id++}.okr`));
    const [located] = locateCheckinTargets([document], name);
    expect(located, `no ${name}`).toBeDefined();
    const result = await computeCheckinEdit(services, document, located.target, entry);
    return { outcome: result.outcome, text: result.text, line: result.line + 1, edit: result.edit };
}

const KPI = `kpi PlasterRate "Plaster" {
  of Construction.Plastering
  per person per day
  actual 2026-01 28
}
`;

describe('adding an actual', () => {
    it('goes after the last clause of a laid-out block, indented as the formatter does', async () => {
        const result = await record(KPI, 'PlasterRate', { period: '2026-02', value: 27 });
        expect(result.outcome).toBe('added');
        expect(result.text).toBe(KPI.replace('actual 2026-01 28\n', 'actual 2026-01 28\n  actual 2026-02 27\n'));
        expect(result.line).toBe(5);
    });

    it('writes a cause quoted, with quotes and backslashes escaped', async () => {
        const result = await record(KPI, 'PlasterRate', { period: '2026-02', value: 27, cause: 'two "sick"; one \\ away' });
        expect(result.text).toContain('  actual 2026-02 27 cause "two \\"sick\\"; one \\\\ away"\n}');
    });

    it('keeps a comment at the end of the last clause on its line', async () => {
        const text = 'kpi K {\n  target 30 // agreed in January\n}\n';
        const result = await record(text, 'K', { period: '2026-01', value: 5 });
        expect(result.text).toBe('kpi K {\n  target 30 // agreed in January\n  actual 2026-01 5\n}\n');
    });

    it('indents a key result clause two levels and keeps CRLF line breaks', async () => {
        const text = 'objective Deliver {\r\n  keyresult Houses {\r\n    target 10 house per month\r\n  }\r\n}\r\n';
        const result = await record(text, 'Deliver.Houses', { period: '2026-03', value: 9 });
        expect(result.text).toBe('objective Deliver {\r\n  keyresult Houses {\r\n    target 10 house per month\r\n    actual 2026-03 9\r\n  }\r\n}\r\n');
        expect(result.line).toBe(4);
    });

    it('gives a declaration without a block one, laid out by the formatter', async () => {
        const text = 'objective Deliver {\n  keyresult Brand "Be known"\n}\n';
        const result = await record(text, 'Deliver.Brand', { period: '2026-01', value: 1 });
        expect(result.text).toBe('objective Deliver {\n  keyresult Brand "Be known" {\n    actual 2026-01 1\n  }\n}\n');
        expect(result.line).toBe(3);
    });

    it('lays out a one-line block by the formatter, and nothing outside it', async () => {
        const text = 'unit  m2\n\nkpi K { of P.S   target 30 }\n\nteam   T\n';
        const result = await record(text, 'K', { period: '2026-W03', value: 31 });
        expect(result.text).toBe('unit  m2\n\nkpi K {\n  of P.S\n  target 30\n  actual 2026-W03 31\n}\n\nteam   T\n');
    });

    it('keeps a trailing comment on its line when the block is laid out', async () => {
        const result = await record('kpi K { target 30 // agreed\n}\n', 'K', { period: '2026-01', value: 5 });
        expect(result.text).toBe('kpi K {\n  target 30 // agreed\n  actual 2026-01 5\n}\n');
    });

    it('lays out a one-line key result block at its depth', async () => {
        const text = 'objective O {\n  keyresult R { target 1 x per month }\n  owner "CEO"\n}\n';
        const result = await record(text, 'O.R', { period: '2026-01', value: 1 });
        expect(result.text).toBe('objective O {\n  keyresult R {\n    target 1 x per month\n    actual 2026-01 1\n  }\n  owner "CEO"\n}\n');
    });

    it('fills an empty block', async () => {
        const result = await record('kpi K {}\n', 'K', { period: '2026-01', value: 0 });
        expect(result.text).toBe('kpi K {\n  actual 2026-01 0\n}\n');
    });
});

describe('updating an actual of the same period', () => {
    it('replaces the value and keeps the cause when none is given', async () => {
        const text = 'kpi K {\n  actual 2026-01 28 cause "sick leave"  // noted\n}\n';
        const result = await record(text, 'K', { period: '2026-01', value: 25.5 });
        expect(result.outcome).toBe('updated');
        expect(result.text).toBe('kpi K {\n  actual 2026-01 25.5 cause "sick leave"  // noted\n}\n');
    });

    it('replaces the cause when one is given, and adds one where there was none', async () => {
        const text = 'kpi K {\n  actual 2026-01 28 cause "old"\n  actual 2026-02 27\n}\n';
        const first = await record(text, 'K', { period: '2026-01', value: 28, cause: 'new' });
        expect(first.text).toContain('actual 2026-01 28 cause "new"\n');
        const second = await record(text, 'K', { period: '2026-02', value: 27, cause: '' });
        expect(second.text).toContain('actual 2026-02 27 cause ""\n');
    });

    it('updates the last of several actuals of the period', async () => {
        const text = 'kpi K {\n  actual 2026-01 1\n  actual 2026-01 2\n  target 3\n}\n';
        const result = await record(text, 'K', { period: '2026-01', value: 7 });
        expect(result.text).toBe('kpi K {\n  actual 2026-01 1\n  actual 2026-01 7\n  target 3\n}\n');
        expect(result.line).toBe(3);
    });

    it('changes nothing when the value reads as the same number', async () => {
        const text = 'kpi K {\n  actual 2026-01 1_000 cause "x"\n}\n';
        const result = await record(text, 'K', { period: '2026-01', value: 1000 });
        expect(result.outcome).toBe('unchanged');
        expect(result.edit).toBeUndefined();
        expect(result.text).toBe(text);
        expect(result.line).toBe(2);
    });

    it('replaces a range written as the actual by a plain number', async () => {
        const result = await record('kpi K {\n  actual 2026-01 1..2\n}\n', 'K', { period: '2026-01', value: 2 });
        expect(result.outcome).toBe('updated');
        expect(result.text).toContain('actual 2026-01 2\n');
    });
});

describe('values and periods as typed', () => {
    it('accepts periods in either case and writes them in canonical form', () => {
        expect(canonicalPeriod('2026-w03')).toEqual({ ok: true, period: '2026-W03' });
        expect(canonicalPeriod('2026-q1')).toEqual({ ok: true, period: '2026-Q1' });
        expect(canonicalPeriod('2026-13')).toEqual({ ok: false, problem: 'month' });
        expect(canonicalPeriod('2026-02-30')).toEqual({ ok: false, problem: 'day' });
        expect(canonicalPeriod('March')).toEqual({ ok: false, problem: 'format' });
    });

    it('reads decimal commas, exponents and digit groups; refuses ranges, percentages and negatives', () => {
        expect(parseCheckinValue('25,5')).toEqual({ ok: true, value: 25.5 });
        expect(parseCheckinValue('1e3')).toEqual({ ok: true, value: 1000 });
        expect(parseCheckinValue('1\u00A0234,5')).toEqual({ ok: true, value: 1234.5 });
        expect(parseCheckinValue('25,5', false)).toEqual({ ok: false, problem: 'not-a-number' });
        expect(parseCheckinValue('1..2')).toEqual({ ok: false, problem: 'range' });
        expect(parseCheckinValue('5%')).toEqual({ ok: false, problem: 'percent' });
        expect(parseCheckinValue('-1')).toEqual({ ok: false, problem: 'negative' });
        expect(parseCheckinValue('')).toEqual({ ok: false, problem: 'not-a-number' });
        expect(parseCheckinValue('abc')).toEqual({ ok: false, problem: 'not-a-number' });
    });

    it('writes the shortest decimal that reads back as the number', () => {
        expect(formatCheckinValue(25.5)).toBe('25.5');
        expect(formatCheckinValue(1000)).toBe('1000');
        expect(formatCheckinValue(1e21)).toBe('1000000000000000000000');
        expect(formatCheckinValue(1.5e-7)).toBe('0.00000015');
        expect(Number(formatCheckinValue(0.1 + 0.2))).toBe(0.1 + 0.2);
        expect(quoteCause('a\nb "c"')).toBe('"a b \\"c\\""');
    });

    it('suggests the nearest names, ignoring case', () => {
        const names = ['Deliver.Houses', 'PlasterRate', 'ArticleRate', 'Sales.Calls'];
        expect(nearestNames('plasterrat', names)[0]).toBe('PlasterRate');
        expect(nearestNames('Deliver.Houzes', names)[0]).toBe('Deliver.Houses');
        expect(nearestNames('houses', names)[0]).toBe('Deliver.Houses');
        expect(nearestNames('Zzz', names)).toHaveLength(3);
        expect(nearestNames('Zzz', [])).toEqual([]);
    });

    it('proposes the current day, week or month by the time unit', async () => {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(
            'kpi D { per person per day }\nkpi W { per week }\nkpi M { per month }\nobjective O { keyresult R { target 1 x per week } keyresult Q }\n',
            URI.parse(`file:///checkin/${id++}.okr`));
        const today = new Date(2026, 0, 1); // a Thursday: ISO week 2026-W01
        const propose = (name: string) => proposedCheckinPeriod(locateCheckinTargets([document], name)[0].target, today);
        expect([propose('D'), propose('W'), propose('M'), propose('O.R'), propose('O.Q')]).toEqual(['2026-01-01', '2026-W01', '2026-01', '2026-W01', '2026-01']);
        expect(currentPeriod('week', new Date(2027, 0, 1))).toBe('2026-W53');
    });
});

describe('in the formatter\'s layout', () => {
    const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
    // Files that only hold scenarios (spec §9) have no KPI or key result to record a check-in on.
    const files = readdirSync(examples, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.okr'))
        .filter(file => /^(kpi|objective)\s/m.test(readFileSync(join(examples, file), 'utf8')));

    it.each(files)('adding to every KPI and key result of %s leaves a file the formatter does not change', async file => {
        let text = readFileSync(join(examples, file), 'utf8');
        const names = checkinTargetNames([services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///checkin/${id++}.okr`))]);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) text = (await record(text, name, { period: '2031-12', value: 1.5, cause: 'x' })).text;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///checkin/${id++}.okr`));
        const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(text);
        expect(text.match(/actual 2031-12 1\.5 cause "x"/g)).toHaveLength(names.length);
    });
});
