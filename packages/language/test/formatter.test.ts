/**
 * The document formatter (spec §7): each layout rule, a whole messy plan, idempotence on every
 * example, range formatting, comments, Cyrillic names, and files with syntax errors.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { expectFormatting } from 'langium/test';
import type { FormattingOptions, Range } from 'vscode-languageserver-types';
import { documentationBefore } from '../src/lsp/okr-documentation-provider.js';
import { OkrFormatter } from '../src/lsp/okr-formatter.js';
import { createOkrServices } from '../src/okr-module.js';

const services = createOkrServices(EmptyFileSystem).Okr;
const formatter = services.lsp.Formatter!;
const expectFormat = expectFormatting(services);
const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));
const OPTIONS: FormattingOptions = { tabSize: 4, insertSpaces: true };

let documentId = 0;
function parse(text: string): LangiumDocument {
    return services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///format/${documentId++}.okr`));
}

/** Formats `text` (or the lines of `range` in it) and returns the result. */
async function format(text: string, range?: Range, options: FormattingOptions = OPTIONS): Promise<string> {
    const document = parse(text);
    const textDocument = { uri: document.uri.toString() };
    const edits = await (range
        ? formatter.formatDocumentRange(document, { textDocument, options, range })
        : formatter.formatDocument(document, { textDocument, options }));
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** `before` formats to `after`, and `after` is left as it is. */
async function expectCanonical(before: string, after: string): Promise<void> {
    await expectFormat({ before, after, disposeAfterCheck: true });
    expect(await format(after)).toBe(after);
}

function exampleFiles(): string[] {
    return readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' })
        .filter(name => name.endsWith('.okr'))
        .sort()
        .map(name => join(EXAMPLES, name));
}

/** The tokens of `text`, comments with their inner whitespace collapsed, for "nothing was lost" checks. */
function tokens(text: string): string[] {
    const result = services.parser.Lexer.tokenize(text);
    expect(result.errors).toEqual([]);
    return [...result.tokens, ...(result.hidden ?? [])]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(token => token.image.replace(/\s+/g, ' ').trim());
}

describe('the formatter service', () => {
    it('is registered', () => {
        expect(formatter).toBeInstanceOf(OkrFormatter);
    });
});

describe('layout rules', () => {
    it('puts every clause of a block on its own line, two spaces deeper', async () => {
        await expectCanonical(
            'policy { tolerance 5% uncertainty 25% }\n',
            'policy {\n  tolerance 5%\n  uncertainty 25%\n}\n');
        await expectCanonical(
            'process P { stage A { output m2 team X } }\n',
            'process P {\n  stage A {\n    output m2\n    team X\n  }\n}\n');
    });

    it('indents with two spaces whatever the editor asks for, and replaces tabs', async () => {
        const canonical = 'team X {\n  headcount 3\n}\n';
        expect(await format('team X {\n\theadcount 3\n}\n', undefined, { tabSize: 4, insertSpaces: false })).toBe(canonical);
        expect(await format('team X {\n        headcount 3\n}\n', undefined, { tabSize: 8, insertSpaces: true })).toBe(canonical);
    });

    it('writes one space between the tokens of a clause', async () => {
        await expectCanonical(
            'objective O { keyresult R {  target   10\n house per    month via   P actual  2026-01   8 } }\n',
            'objective O {\n  keyresult R {\n    target 10 house per month\n    via P\n    actual 2026-01 8\n  }\n}\n');
        await expectCanonical(
            'process P { stage A { output m2 team    Plasterers   50% } stage B { output house needs 200\n m2 per\thouse } }\n',
            'process P {\n  stage A {\n    output m2\n    team Plasterers 50%\n  }\n  stage B {\n    output house\n    needs 200 m2 per house\n  }\n}\n');
        await expectCanonical(
            'kpi K { per   person\nper day actual 2026-02   27   cause   "sick leave" }\n',
            'kpi K {\n  per person per day\n  actual 2026-02 27 cause "sick leave"\n}\n');
    });

    it('keeps ranges and qualified names tight', async () => {
        await expectCanonical(
            'kpi K { of Construction . Plastering target 180 .. 220 }\nprocess P { stage S { output m conversion 2% ..  4% } }\n',
            'kpi K {\n  of Construction.Plastering\n  target 180..220\n}\n\nprocess P {\n  stage S {\n    output m\n    conversion 2%..4%\n  }\n}\n');
    });

    it('puts { after one space on the declaration line and } on its own line at the block level', async () => {
        await expectCanonical(
            'team X "Crew"{headcount 3}\n',
            'team X "Crew" {\n  headcount 3\n}\n');
        await expectCanonical(
            'team   X\n  "Crew"\n{\n  headcount 3 }\n',
            'team X "Crew" {\n  headcount 3\n}\n');
    });

    it('keeps an empty block and a declaration without a block on one line', async () => {
        await expectCanonical(
            'calendar {   }\nteam X "Crew" {\n\n}\nunit   house    "houses"\nobjective O { keyresult Brand   "Be known" }\n',
            'calendar {}\n\nteam X "Crew" {}\n\nunit house "houses"\n\nobjective O {\n  keyresult Brand "Be known"\n}\n');
    });

    it('puts exactly one blank line between top-level declarations', async () => {
        await expectCanonical(
            'team A { headcount 1 } team B { headcount 2 }\n\n\n\nteam C { headcount 3 }\nunit x\n',
            'team A {\n  headcount 1\n}\n\nteam B {\n  headcount 2\n}\n\nteam C {\n  headcount 3\n}\n\nunit x\n');
    });

    it('lets a list of units stay adjacent, keeping at most one blank line the writer put in it', async () => {
        await expectCanonical(
            'unit a unit b\nunit c\n\n\n\nunit d\nteam T {}\n',
            'unit a\nunit b\nunit c\n\nunit d\n\nteam T {}\n');
    });

    it('needs no blank line between stages and key results, keeps one the writer put, none after { or before }', async () => {
        await expectCanonical(
            'process P {\n\n\n  stage A { output a } stage B { output b }\n\n\n\n  stage C {\n\n    output c\n\n    conversion 5%\n\n  }\n\n}\n',
            'process P {\n  stage A {\n    output a\n  }\n  stage B {\n    output b\n  }\n\n  stage C {\n    output c\n\n    conversion 5%\n  }\n}\n');
    });

    it('removes blank lines at the start, trailing spaces, and ends the file with one line break', async () => {
        await expectCanonical('\n\n   unit a   \nunit b   "b"   \n\n\n\n', 'unit a\nunit b "b"\n');
        await expectCanonical('unit a', 'unit a\n');
        expect(await format('  \n\n  ')).toBe('');
        expect(await format('')).toBe('');
    });

    it('keeps the file\'s CRLF line breaks', async () => {
        const formatted = await format('team X {headcount 3}\r\nunit a\r\n');
        expect(formatted).toBe('team X {\r\n  headcount 3\r\n}\r\n\r\nunit a\r\n');
        expect(await format(formatted)).toBe(formatted);
    });
});

describe('comments', () => {
    it('keeps line, documentation and block comments, indented like the code they precede', async () => {
        await expectCanonical(
            [
                '// The plan.',
                'unit a',
                '/// The crew.',
                '   /// Three people.',
                'team X {',
                '// How many.',
                '        headcount 3',
                '      /* Who',
                '         answers. */',
                ' owner "Y"',
                '    // Nothing after this.',
                '}',
                '     // The end.',
                ''
            ].join('\n'),
            [
                '// The plan.',
                'unit a',
                '',
                '/// The crew.',
                '/// Three people.',
                'team X {',
                '  // How many.',
                '  headcount 3',
                '  /* Who',
                '     answers. */',
                '  owner "Y"',
                '  // Nothing after this.',
                '}',
                '// The end.',
                ''
            ].join('\n'));
    });

    it('puts the blank line between declarations before the comments of the next one, so doc comments stay attached', async () => {
        const formatted = await format('team A {}\n/// The B crew.\nteam B {}\n// About C.\n\n\n\nteam C {}\n');
        expect(formatted).toBe('team A {}\n\n/// The B crew.\nteam B {}\n\n// About C.\n\nteam C {}\n');
        expect(documentationBefore(formatted, formatted.indexOf('team B'))).toBe('The B crew.');
    });

    it('leaves trailing comments on their line with the spacing the writer gave them', async () => {
        await expectCanonical(
            'team X {   // the crew\n  headcount 3      // people\n  availability 80% // of their time   \n}   // end\nunit a // first\nunit b  // second\n',
            'team X {   // the crew\n  headcount 3      // people\n  availability 80% // of their time\n}   // end\n\nunit a // first\nunit b  // second\n');
    });

    it('puts one space before a trailing comment written right after code', async () => {
        await expectCanonical('team X {// the crew\n  headcount 3/* people */\n}\n', 'team X { // the crew\n  headcount 3 /* people */\n}\n');
    });

    it('moves code after a trailing comment to its own line, keeping the comment on the line it trails', async () => {
        await expectCanonical(
            'policy { tolerance 5% /* a bit */ uncertainty 25% }\n',
            'policy {\n  tolerance 5% /* a bit */\n  uncertainty 25%\n}\n');
    });

    it('keeps a clause broken by a comment on two lines, the rest one level deeper', async () => {
        await expectCanonical(
            'process P { stage A { output a } stage B {\n output b\n needs 200 // for each b\n a per b\n } }\n',
            'process P {\n  stage A {\n    output a\n  }\n  stage B {\n    output b\n    needs 200 // for each b\n      a per b\n  }\n}\n');
    });

    it('puts { on its own line at the declaration\'s level when a comment ends the header line', async () => {
        await expectCanonical(
            'objective O {\n  keyresult R "r" // why\n      {\n  target 1 a per month }\n}\n',
            'objective O {\n  keyresult R "r" // why\n  {\n    target 1 a per month\n  }\n}\n');
    });

    it('keeps a comment in an otherwise empty block', async () => {
        await expectCanonical('team X { // to do\n}\n', 'team X { // to do\n}\n');
        await expectCanonical('team X {\n        // to do\n\n}\n', 'team X {\n  // to do\n}\n');
    });
});

describe('a whole plan', () => {
    const MESSY = [
        '',
        '// Plastering, written in a hurry.',
        'unit house "houses"   unit m2 "m²"',
        'team Plasterers "Plasterers" { headcount 3 owner "Site manager" }',
        'calendar { workdays 21 per month workdays 5 per week }',
        'policy{tolerance 5% uncertainty 25%}',
        'objective Deliver "Hand over homes" { owner "CEO"',
        '    keyresult Houses "10 houses a month" { target 10   house per month via Construction',
        '        actual 2026-01 9 }',
        'keyresult Brand "Be known as reliable" }',
        '/// The site.',
        'process Construction "House construction" {',
        '\tstage Plastering "Wall plastering" { output m2 team Plasterers capacity 40 m2 per day }',
        '\tstage Handover "Handover" { output house needs 180..220 m2 per house }',
        '}',
        'kpi PlasterRate "Plastered wall per plasterer per day" { of Construction.Plastering per person per day target 32',
        '  actual 2026-01 30.5   actual 2026-02 27 cause "two plasterers on sick leave" owner "Foreman" }',
        ''
    ].join('\n');
    const CANONICAL = [
        '// Plastering, written in a hurry.',
        'unit house "houses"',
        'unit m2 "m²"',
        '',
        'team Plasterers "Plasterers" {',
        '  headcount 3',
        '  owner "Site manager"',
        '}',
        '',
        'calendar {',
        '  workdays 21 per month',
        '  workdays 5 per week',
        '}',
        '',
        'policy {',
        '  tolerance 5%',
        '  uncertainty 25%',
        '}',
        '',
        'objective Deliver "Hand over homes" {',
        '  owner "CEO"',
        '  keyresult Houses "10 houses a month" {',
        '    target 10 house per month',
        '    via Construction',
        '    actual 2026-01 9',
        '  }',
        '  keyresult Brand "Be known as reliable"',
        '}',
        '',
        '/// The site.',
        'process Construction "House construction" {',
        '  stage Plastering "Wall plastering" {',
        '    output m2',
        '    team Plasterers',
        '    capacity 40 m2 per day',
        '  }',
        '  stage Handover "Handover" {',
        '    output house',
        '    needs 180..220 m2 per house',
        '  }',
        '}',
        '',
        'kpi PlasterRate "Plastered wall per plasterer per day" {',
        '  of Construction.Plastering',
        '  per person per day',
        '  target 32',
        '  actual 2026-01 30.5',
        '  actual 2026-02 27 cause "two plasterers on sick leave"',
        '  owner "Foreman"',
        '}',
        ''
    ].join('\n');

    it('formats a messy plan into the canonical layout, losing nothing', async () => {
        await expectCanonical(MESSY, CANONICAL);
        expect(tokens(CANONICAL)).toEqual(tokens(MESSY));
    });

    it('formats a plan written in Russian', async () => {
        await expectCanonical(
            'unit дом "домов" unit м2 "м²"\nteam Штукатуры "Бригада" {headcount 4 availability 90%}\n'
            + 'process Стройка { stage Штукатурка { output м2 team Штукатуры } stage Передача { output дом needs 180 м2 per дом } }\n'
            + 'kpi НормаШтукатура { of Стройка . Штукатурка per person per day actual 2026-01 26 cause "задержка поставки смеси" }\n',
            'unit дом "домов"\nunit м2 "м²"\n\nteam Штукатуры "Бригада" {\n  headcount 4\n  availability 90%\n}\n\n'
            + 'process Стройка {\n  stage Штукатурка {\n    output м2\n    team Штукатуры\n  }\n  stage Передача {\n    output дом\n    needs 180 м2 per дом\n  }\n}\n\n'
            + 'kpi НормаШтукатура {\n  of Стройка.Штукатурка\n  per person per day\n  actual 2026-01 26 cause "задержка поставки смеси"\n}\n');
    });
});

describe('the examples', () => {
    for (const file of exampleFiles()) {
        const name = file.slice(EXAMPLES.length);
        it(`formats ${name} idempotently, losing nothing`, async () => {
            const text = readFileSync(file, 'utf8');
            const once = await format(text);
            expect(await format(once)).toBe(once);
            expect(tokens(once)).toEqual(tokens(text));
        });
        it(`keeps ${name} as it is: the examples are written in the canonical layout`, async () => {
            const text = readFileSync(file, 'utf8');
            expect(await format(text)).toBe(text);
        });
    }

    it('are found', () => {
        expect(exampleFiles().length).toBeGreaterThanOrEqual(5);
    });

    it('format back to the same layout from scrambled whitespace, idempotently, losing nothing', async () => {
        let seed = 42;
        const random = (n: number): number => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed % n;
        };
        for (const file of exampleFiles()) {
            const text = readFileSync(file, 'utf8');
            for (let round = 0; round < 10; round++) {
                const scrambled = scramble(text, random);
                const parsed = parse(scrambled).parseResult;
                expect([...parsed.lexerErrors, ...parsed.parserErrors], scrambled).toEqual([]);
                expect(scrambled).not.toBe(text);
                const once = await format(scrambled);
                expect(once.length, `${file} #${round} did not format:\n${scrambled}`).toBeGreaterThan(0);
                expect(await format(once), `${file} #${round}:\n${scrambled}`).toBe(once);
                expect(tokens(once)).toEqual(tokens(text));
                expect(once).not.toMatch(/[ \t]$/m);
                expect(once).not.toMatch(/\n\n\n/);
            }
        }
    });
});

/** `text` with the whitespace between its tokens replaced by random whitespace (a line break stays after a line comment). */
function scramble(text: string, random: (n: number) => number): string {
    const result = services.parser.Lexer.tokenize(text);
    const all = [...result.tokens, ...(result.hidden ?? [])].sort((a, b) => a.startOffset - b.startOffset);
    const tight = ['', '', ' ', '\n'];
    const loose = [' ', '   ', '\n', '\n\n\n', '\t', ' \n  ', '\n\t\t'];
    const afterLineComment = ['\n', '\n\n', '\n\t  ', ' \n\n\n '];
    let out = '';
    let end = 0;
    for (const token of all) {
        const gap = text.slice(end, token.startOffset);
        const previous = out.length > 0 ? all[all.indexOf(token) - 1] : undefined;
        const choices = previous?.image.startsWith('//') ? afterLineComment : gap === '' ? tight : loose;
        out += previous ? choices[random(choices.length)] : gap;
        out += token.image;
        end = token.startOffset + token.image.length;
    }
    return out + text.slice(end);
}

describe('range formatting', () => {
    const TEXT = 'team A{headcount 1}\n\nteam B   {headcount 2 availability 50%}\n\nteam C{headcount 3}\n';

    it('formats the declarations on the given lines and leaves the rest untouched', async () => {
        await expectFormat({
            before: TEXT,
            range: { start: { line: 2, character: 0 }, end: { line: 2, character: 10 } },
            after: 'team A{headcount 1}\n\nteam B {\n  headcount 2\n  availability 50%\n}\n\nteam C{headcount 3}\n',
            disposeAfterCheck: true
        });
    });

    it('formats a clause inside a nested block at its depth', async () => {
        const text = 'process P {\n  stage A {\n    output a\n  }\n  stage B { output b   conversion    5% }\n}\nteam C{headcount 3}\n';
        expect(await format(text, { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } }))
            .toBe('process P {\n  stage A {\n    output a\n  }\n  stage B {\n    output b\n    conversion 5%\n  }\n}\nteam C{headcount 3}\n');
    });
});

describe('a file with syntax errors', () => {
    const BROKEN = 'team A{headcount 1}\n\nteam B { headcount }\nteam   C{headcount 3}\n';

    it('is left as it is by document formatting', async () => {
        const document = parse(BROKEN);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        expect(await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: OPTIONS })).toEqual([]);
        expect(await format('team X { headcount 3 @ }\n')).toBe('team X { headcount 3 @ }\n');
        expect(await format('team X { headcount 3\n')).toBe('team X { headcount 3\n');
        expect(await format('unit "no name"  unit b\n')).toBe('unit "no name"  unit b\n');
    });

    it('never throws and never loses text, however the file is cut', async () => {
        for (const file of exampleFiles()) {
            const text = readFileSync(file, 'utf8');
            for (let cut = 7; cut < text.length; cut += 37) {
                const broken = text.slice(0, cut);
                const lines = broken.split('\n').length;
                for (const range of [undefined, { start: { line: 0, character: 0 }, end: { line: lines - 1, character: 0 } }, { start: { line: 0, character: 0 }, end: { line: Math.floor(lines / 2), character: 0 } }]) {
                    const formatted = await format(broken, range);
                    expect(formatted.replace(/\s+/g, '')).toBe(broken.replace(/\s+/g, ''));
                    if (services.parser.Lexer.tokenize(broken).errors.length === 0) {
                        expect(tokens(formatted)).toEqual(tokens(broken));
                    }
                }
            }
        }
    });

    it('is formatted only in ranges that end before the first error', async () => {
        expect(await format(BROKEN, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }))
            .toBe('team A {\n  headcount 1\n}\n\nteam B { headcount }\nteam   C{headcount 3}\n');
        expect(await format(BROKEN, { start: { line: 3, character: 0 }, end: { line: 3, character: 5 } })).toBe(BROKEN);
    });
});

describe('scenarios (spec §9)', () => {
    it('lays a scenario out like any declaration: header on one line, each block and clause on its own', async () => {
        await expectCanonical(
            'scenario   Hire "Hire two"   extends  Base {team Plasterers {headcount 5 availability 90%}\n\n\n  stage Construction . Handover { needs 180  m2 per house }  calendar { workdays 20 per month }  kpi PlasterRate {}}\nscenario Base {}\n',
            'scenario Hire "Hire two" extends Base {\n  team Plasterers {\n    headcount 5\n    availability 90%\n  }\n\n  stage Construction.Handover {\n    needs 180 m2 per house\n  }\n  calendar {\n    workdays 20 per month\n  }\n  kpi PlasterRate {}\n}\n\nscenario Base {}\n'
        );
    });
});
