/**
 * The editor's static language assets: the TextMate grammar colours a plan before the language
 * server starts, the language configuration drives comments, brackets and indentation, and the
 * snippets insert valid declarations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { folderWith, runOkr } from '../packages/cli/test/run-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(ROOT + file, 'utf8');

interface Token { text: string; scopes: string[] }

let grammar: vsctm.IGrammar;

beforeAll(async () => {
    const wasm = readFileSync(ROOT + 'node_modules/vscode-oniguruma/release/onig.wasm');
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (text: string) => new oniguruma.OnigString(text)
        }),
        loadGrammar: async scopeName => scopeName === 'source.okr'
            ? vsctm.parseRawGrammar(read('syntaxes/okr.tmLanguage.json'), 'okr.tmLanguage.json')
            : null
    });
    const loaded = await registry.loadGrammar('source.okr');
    if (!loaded) throw new Error('grammar source.okr did not load');
    grammar = loaded;
});

/** Tokenizes a whole text line by line, carrying the rule stack across lines as the editor does. */
function tokenize(text: string): { lines: { line: string; tokens: Token[] }[]; finalDepth: number } {
    let state: vsctm.StateStack = vsctm.INITIAL;
    const lines = text.split(/\r?\n/).map(line => {
        const result = grammar.tokenizeLine(line, state);
        state = result.ruleStack;
        const tokens = result.tokens.map(t => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
        return { line, tokens };
    });
    return { lines, finalDepth: state.depth };
}

/** The tokens of the first line of `text` that contains `needle`, tokenized in the context of the whole text. */
function lineTokens(text: string, needle: string): Token[] {
    const found = tokenize(text).lines.find(l => l.line.includes(needle));
    if (!found) throw new Error(`no line contains ${JSON.stringify(needle)}`);
    return found.tokens;
}

/** The scopes of the `nth` token whose text is exactly `text`. */
function scopesOf(tokens: Token[], text: string, nth = 0): string[] {
    const matches = tokens.filter(t => t.text === text);
    if (matches.length <= nth) {
        throw new Error(`no token ${JSON.stringify(text)} in ${JSON.stringify(tokens.map(t => t.text))}`);
    }
    return matches[nth].scopes;
}

/** The innermost scope of the `nth` token `text`. */
const scopeOf = (tokens: Token[], text: string, nth = 0) => scopesOf(tokens, text, nth).at(-1);

const PLASTERING = read('examples/plastering/plastering.okr');
const RUSSIAN = read('examples/russian/стройка.okr');
const SALES = read('examples/sales-funnel/sales-funnel.okr');
const ANTI = read('examples/anti-patterns/anti-patterns.okr');
const BLOG = read('examples/blog/blog.okr');

// Constructs the example plans do not show.
const EXTRA = [
    'unit house "houses"',
    'kpi Pace "Pace" {',
    '  of Construction.Plastering',
    '  per person per week',
    '  actual 2026-01 1_000',
    '  actual 2026-W03 31.5',
    '  actual 2026-01-15 1e6',
    '  actual 2026-Q1 -3 cause "the \\"big\\" storm \\\\ flood"',
    '}',
    'process Flow { stage Walls { output m2 } stage Homes { output house needs 180..220 m2 per house } }',
    'team dayshift { headcount 2 } // a name that starts with a time unit'
].join('\n');

describe('TextMate grammar: comments and strings', () => {
    it('scopes a /// doc comment as documentation', () => {
        const tokens = lineTokens(PLASTERING, '/// The plastering crew');
        expect(scopesOf(tokens, '///')).toContain('comment.line.documentation.okr');
        expect(scopeOf(tokens, '///')).toBe('punctuation.definition.comment.okr');
        expect(scopeOf(tokens, ' The plastering crew of the site.')).toBe('comment.line.documentation.okr');
    });

    it('scopes a /** */ block as documentation and /* */ as a plain block comment', () => {
        const lines = tokenize('/** Doc\n * more */\n/* plain */ unit a').lines;
        expect(lines[0].tokens.at(-1)!.scopes).toContain('comment.block.documentation.okr');
        expect(lines[1].tokens[0].scopes).toContain('comment.block.documentation.okr');
        expect(scopesOf(lines[2].tokens, ' plain ')).toContain('comment.block.okr');
        expect(scopeOf(lines[2].tokens, 'unit')).toBe('storage.type.unit.okr');
    });

    it('scopes a // line comment, also after code, and a trailing /// is not documentation', () => {
        const first = lineTokens(PLASTERING, '// The plastering example');
        expect(scopeOf(first, '//')).toBe('punctuation.definition.comment.okr');
        expect(scopesOf(first, '//')).toContain('comment.line.double-slash.okr');
        const trailing = lineTokens(ANTI, 'team Analysts');
        expect(scopeOf(trailing, ' works on no stage: a hint')).toBe('comment.line.double-slash.okr');
        const notDoc = tokenize('owner "x" /// trailing').lines[0].tokens;
        expect(notDoc.some(t => t.scopes.includes('comment.line.documentation.okr'))).toBe(false);
    });

    it('scopes a string with \\" and \\\\ escapes', () => {
        const tokens = lineTokens(EXTRA, 'cause "the');
        expect(scopeOf(tokens, '"')).toBe('punctuation.definition.string.begin.okr');
        expect(scopeOf(tokens, 'the ')).toBe('string.quoted.double.okr');
        expect(scopeOf(tokens, '\\"')).toBe('constant.character.escape.okr');
        expect(scopeOf(tokens, '\\"', 1)).toBe('constant.character.escape.okr');
        expect(scopeOf(tokens, '\\\\')).toBe('constant.character.escape.okr');
        expect(scopesOf(tokens, '\\\\')).toContain('string.quoted.double.okr');
        expect(scopeOf(tokens, ' flood')).toBe('string.quoted.double.okr');
        expect(tokens.at(-1)!.scopes.at(-1)).toBe('punctuation.definition.string.end.okr');
    });

    it('does not colour keywords inside strings', () => {
        const tokens = lineTokens(PLASTERING, 'kpi PlasterRate');
        expect(scopeOf(tokens, 'Plastered wall per plasterer per day')).toBe('string.quoted.double.okr');
    });
});

describe('TextMate grammar: numbers, periods and ranges', () => {
    it('scopes each period form as a date before any number', () => {
        expect(scopeOf(lineTokens(PLASTERING, 'actual 2026-01 9'), '2026-01')).toBe('constant.other.date.month.okr');
        expect(scopeOf(lineTokens(EXTRA, '2026-W03'), '2026-W03')).toBe('constant.other.date.week.okr');
        expect(scopeOf(lineTokens(EXTRA, '2026-01-15'), '2026-01-15')).toBe('constant.other.date.day.okr');
        expect(scopeOf(lineTokens(EXTRA, '2026-Q1'), '2026-Q1')).toBe('constant.other.date.quarter.okr');
    });

    it('scopes plain numbers: integers, decimals, exponents, negatives and 1_000', () => {
        expect(scopeOf(lineTokens(PLASTERING, 'headcount 3'), '3')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(lineTokens(PLASTERING, 'actual 2026-01 30.5'), '30.5')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(lineTokens(EXTRA, '1_000'), '1_000')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(lineTokens(EXTRA, '31.5'), '31.5')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(lineTokens(EXTRA, '1e6'), '1e6')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(lineTokens(EXTRA, '2026-Q1'), '-3')).toBe('constant.numeric.decimal.okr');
    });

    it('scopes a percentage with % as its unit', () => {
        const tokens = lineTokens(RUSSIAN, 'availability 90%');
        expect(scopeOf(tokens, '90')).toBe('constant.numeric.percentage.okr');
        expect(scopesOf(tokens, '%')).toContain('constant.numeric.percentage.okr');
        expect(scopeOf(tokens, '%')).toBe('keyword.other.unit.percentage.okr');
        expect(scopeOf(lineTokens('policy { tolerance 2.5% }', 'tolerance'), '2.5')).toBe('constant.numeric.percentage.okr');
    });

    it('scopes both ends of a range and the .. operator', () => {
        const percent = lineTokens(SALES, 'conversion 10%..12%');
        expect(scopeOf(percent, '10')).toBe('constant.numeric.percentage.okr');
        expect(scopeOf(percent, '..')).toBe('keyword.operator.range.okr');
        expect(scopeOf(percent, '12')).toBe('constant.numeric.percentage.okr');
        expect(scopeOf(percent, '%', 1)).toBe('keyword.other.unit.percentage.okr');

        const plain = lineTokens(EXTRA, '180..220');
        expect(scopeOf(plain, '180')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(plain, '..')).toBe('keyword.operator.range.okr');
        expect(scopeOf(plain, '220')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(plain, 'm2', 1)).toBe('entity.name.type.unit.okr');
    });
});

describe('TextMate grammar: declarations, clauses and names', () => {
    it('scopes each declaration keyword and its name', () => {
        const cases: [string, string, string, string][] = [
            [PLASTERING, 'unit house', 'house', 'entity.name.type.unit.okr'],
            [PLASTERING, 'team Plasterers "', 'Plasterers', 'entity.name.class.team.okr'],
            [PLASTERING, 'objective Deliver', 'Deliver', 'entity.name.namespace.objective.okr'],
            [PLASTERING, 'keyresult Houses', 'Houses', 'entity.name.function.keyresult.okr'],
            [PLASTERING, 'process Construction', 'Construction', 'entity.name.namespace.process.okr'],
            [PLASTERING, 'stage Plastering', 'Plastering', 'entity.name.function.stage.okr'],
            [PLASTERING, 'kpi PlasterRate', 'PlasterRate', 'variable.other.constant.kpi.okr']
        ];
        for (const [text, needle, name, scope] of cases) {
            const tokens = lineTokens(text, needle);
            const keyword = needle.split(' ')[0];
            expect(scopeOf(tokens, keyword), needle).toBe(`storage.type.${keyword}.okr`);
            expect(scopeOf(tokens, name), needle).toBe(scope);
        }
        const scenario = lineTokens('scenario Hire "Hire two" extends Base {\n  team Plasterers { headcount 5 }\n}', 'scenario');
        expect(scopeOf(scenario, 'scenario')).toBe('storage.type.scenario.okr');
        expect(scopeOf(scenario, 'Hire')).toBe('entity.name.type.scenario.okr');
        expect(scopeOf(scenario, 'extends')).toBe('keyword.other.extends.okr');
        const policy = lineTokens('policy { tolerance 5% }\ncalendar { workdays 21 per month }', 'policy');
        expect(scopeOf(policy, 'policy')).toBe('storage.type.policy.okr');
        expect(scopeOf(lineTokens('calendar {\n  workdays 21 per month\n}', 'calendar'), 'calendar')).toBe('storage.type.calendar.okr');
    });

    it('wraps a declaration and its block in meta scopes', () => {
        const tokens = lineTokens(PLASTERING, 'capacity 40 m2 per day');
        expect(scopesOf(tokens, 'capacity')).toEqual(expect.arrayContaining([
            'meta.declaration.process.okr', 'meta.declaration.stage.okr', 'meta.block.okr'
        ]));
        expect(scopeOf(lineTokens(PLASTERING, 'team Plasterers "'), '{')).toBe('punctuation.section.block.begin.okr');
    });

    it('scopes clause keywords', () => {
        expect(scopeOf(lineTokens(PLASTERING, 'headcount 3'), 'headcount')).toBe('keyword.other.headcount.okr');
        expect(scopeOf(lineTokens(PLASTERING, 'via Construction'), 'via')).toBe('keyword.other.via.okr');
        expect(scopeOf(lineTokens(PLASTERING, 'needs 200'), 'needs')).toBe('keyword.other.needs.okr');
        expect(scopeOf(lineTokens(BLOG, 'yields 250'), 'yields')).toBe('keyword.other.yields.okr');
        expect(scopeOf(lineTokens(BLOG, 'cadence 1'), 'cadence')).toBe('keyword.other.cadence.okr');
        expect(scopeOf(lineTokens(ANTI, '  nonstandard'), 'nonstandard')).toBe('keyword.other.nonstandard.okr');
        const actual = lineTokens(PLASTERING, 'cause "two');
        expect(scopeOf(actual, 'actual')).toBe('keyword.other.actual.okr');
        expect(scopeOf(actual, 'cause')).toBe('keyword.other.cause.okr');
        const per = lineTokens(PLASTERING, 'per person per day');
        expect(scopeOf(per, 'per')).toBe('keyword.other.per.okr');
        expect(scopeOf(per, 'person')).toBe('keyword.other.person.okr');
    });

    it('scopes a team named in a stage as a reference, not a declaration', () => {
        const tokens = lineTokens(SALES, 'team AccountExecutives 40%');
        expect(scopeOf(tokens, 'team')).toBe('keyword.other.team.okr');
        expect(scopeOf(tokens, 'AccountExecutives')).toBe('entity.name.class.team.okr');
        expect(scopeOf(tokens, '40')).toBe('constant.numeric.percentage.okr');
    });

    it('scopes the unit in a rate and in needs, and the time unit', () => {
        const rate = lineTokens(PLASTERING, 'target 10 house per month');
        expect(scopeOf(rate, '10')).toBe('constant.numeric.decimal.okr');
        expect(scopeOf(rate, 'house')).toBe('entity.name.type.unit.okr');
        expect(scopeOf(rate, 'per')).toBe('keyword.other.per.okr');
        expect(scopeOf(rate, 'month')).toBe('constant.language.time-unit.okr');

        const needs = lineTokens(PLASTERING, 'needs 200 m2 per house');
        expect(scopeOf(needs, 'm2')).toBe('entity.name.type.unit.okr');
        expect(scopeOf(needs, 'house')).toBe('entity.name.type.unit.okr');
        expect(scopeOf(lineTokens(PLASTERING, 'output m2'), 'm2')).toBe('entity.name.type.unit.okr');

        for (const unit of ['day', 'week', 'month', 'quarter', 'year']) {
            expect(scopeOf(lineTokens(`kpi K { per ${unit} }`, 'kpi'), unit)).toBe('constant.language.time-unit.okr');
        }
        // A name that merely starts with a time unit is a name.
        expect(scopeOf(lineTokens(EXTRA, 'team dayshift'), 'dayshift')).toBe('entity.name.class.team.okr');
    });

    it('scopes a qualified name with the dot as an accessor', () => {
        const tokens = lineTokens(PLASTERING, 'of Construction.Plastering');
        expect(scopeOf(tokens, 'of')).toBe('keyword.other.of.okr');
        expect(scopeOf(tokens, 'Construction')).toBe('entity.name.namespace.process.okr');
        expect(scopeOf(tokens, '.')).toBe('punctuation.accessor.okr');
        expect(scopeOf(tokens, 'Plastering')).toBe('entity.name.function.stage.okr');
    });

    it('scopes Cyrillic identifiers', () => {
        const team = lineTokens(RUSSIAN, 'team Штукатуры "');
        expect(scopeOf(team, 'team')).toBe('storage.type.team.okr');
        expect(scopeOf(team, 'Штукатуры')).toBe('entity.name.class.team.okr');

        const of = lineTokens(RUSSIAN, 'of Стройка.Штукатурка');
        expect(scopeOf(of, 'Стройка')).toBe('entity.name.namespace.process.okr');
        expect(scopeOf(of, '.')).toBe('punctuation.accessor.okr');
        expect(scopeOf(of, 'Штукатурка')).toBe('entity.name.function.stage.okr');

        const needs = lineTokens(RUSSIAN, 'needs 180 м2 per дом');
        expect(scopeOf(needs, 'м2')).toBe('entity.name.type.unit.okr');
        expect(scopeOf(needs, 'дом')).toBe('entity.name.type.unit.okr');
        expect(scopeOf(lineTokens(RUSSIAN, 'kpi НормаШтукатура'), 'НормаШтукатура')).toBe('variable.other.constant.kpi.okr');
    });

    it('classifies every name in every example and closes every block', () => {
        for (const text of [PLASTERING, RUSSIAN, SALES, ANTI, BLOG, EXTRA]) {
            const { lines, finalDepth } = tokenize(text);
            expect(finalDepth).toBe(1);
            const unclassified = lines.flatMap(l => l.tokens)
                .filter(t => t.scopes.some(s => s === 'variable.other.okr' || s.startsWith('invalid.')) || (t.text.trim() && t.scopes.length === 1));
            expect(unclassified.map(t => t.text)).toEqual([]);
        }
    });
});

describe('language-configuration.json', () => {
    const config = JSON.parse(read('packages/extension/language-configuration.json'));
    const regex = (rule: string | { pattern: string; flags?: string }, extra = '') =>
        typeof rule === 'string' ? new RegExp(rule, extra) : new RegExp(rule.pattern, (rule.flags ?? '') + extra);

    it('sets comments and brackets', () => {
        expect(config.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(config.brackets).toContainEqual(['{', '}']);
        const pairs = config.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
        expect(pairs).toEqual(expect.arrayContaining(['{}', '""']));
        const quote = config.autoClosingPairs.find((p: { open: string }) => p.open === '"');
        expect(quote.notIn).toEqual(expect.arrayContaining(['string', 'comment']));
        expect(config.surroundingPairs).toEqual(expect.arrayContaining([['{', '}'], ['"', '"']]));
    });

    it('has a word pattern that takes Cyrillic names and splits Process.Stage', () => {
        const words = (text: string) => text.match(regex(config.wordPattern, 'g'));
        expect(words('of Стройка.Штукатурка')).toEqual(['of', 'Стройка', 'Штукатурка']);
        expect(words('of Construction.Plastering')).toEqual(['of', 'Construction', 'Plastering']);
        expect(words('actual 2026-W03 1_000 2.5%')).toEqual(['actual', '2026-W03', '1_000', '2.5%']);
    });

    it('indents after { and outdents on }', () => {
        const increase = regex(config.indentationRules.increaseIndentPattern);
        const decrease = regex(config.indentationRules.decreaseIndentPattern);
        expect(increase.test('team Plasterers "Plasterers" {')).toBe(true);
        expect(increase.test('stage Plastering { // the walls')).toBe(true);
        expect(increase.test('policy { tolerance 5% }')).toBe(false);
        expect(increase.test('// {')).toBe(false);
        expect(decrease.test('  }')).toBe(true);
        expect(decrease.test('  headcount 3')).toBe(false);
    });

    it('continues /// doc comments on Enter', () => {
        const rule = config.onEnterRules.find((r: { beforeText: { pattern: string } }) => regex(r.beforeText).test('  /// The crew'));
        expect(rule?.action).toEqual({ indent: 'none', appendText: '/// ' });
    });
});

describe('snippets', () => {
    const snippets: Record<string, { prefix: string; body: string | string[]; description: string }> =
        JSON.parse(read('packages/extension/snippets/okr.code-snippets'));

    it('gives every snippet a prefix, a body and a description', () => {
        const keys = Object.keys(snippets);
        expect(keys.length).toBeGreaterThanOrEqual(10);
        for (const key of keys) {
            const { prefix, body, description } = snippets[key];
            expect(prefix, key).toMatch(/\S/);
            expect(description, key).toMatch(/\S/);
            const lines = Array.isArray(body) ? body : [body];
            expect(lines.length, key).toBeGreaterThan(0);
            expect(lines.join('\n'), key).toMatch(/\S/);
        }
        const prefixes = keys.map(k => snippets[k].prefix);
        expect(prefixes).toEqual(expect.arrayContaining(
            ['unit', 'calendar', 'policy', 'team', 'objective', 'keyresult', 'process', 'stage', 'kpi', 'actual']));
    });

    it('expand with their defaults to plans without parse errors', { timeout: 180_000 }, () => {
        // Snippets that only make sense inside a block are checked inside one, next to the plastering plan
        // whose units, team, process and stage their defaults name.
        const wrap: Record<string, (body: string) => string> = {
            keyresult: body => `objective Wrapper {\n${body}\n}`,
            stage: body => `process Wrapper {\n  stage Before { output m2 }\n${body}\n}`,
            actual: body => `kpi Wrapper {\n  of Construction.Plastering\n  per person per day\n${body}\n}`
        };
        for (const [key, snippet] of Object.entries(snippets)) {
            const body = expandDefaults(Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body);
            const text = (wrap[snippet.prefix] ?? (b => b))(body);
            const folder = folderWith({ 'plastering.okr': PLASTERING, 'snippet.okr': text + '\n' });
            const run = runOkr(['check', '.', '--format', 'json'], folder);
            const diagnostics: { file: string; code: string; message: string }[] = JSON.parse(run.stdout).diagnostics;
            expect(diagnostics.filter(d => d.code === 'parse-error'), `${key}:\n${text}`).toEqual([]);
            expect(diagnostics.filter(d => d.code === 'linking-error'), `${key}:\n${text}`).toEqual([]);
        }
    });
});

/** The text a snippet inserts when every placeholder keeps its default (the first choice of a choice). */
function expandDefaults(body: string): string {
    const variables: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '01' };
    const values: Record<string, string> = {};
    let at = 0;
    const parse = (nested: boolean): string => {
        let out = '';
        while (at < body.length) {
            const rest = body.slice(at);
            if (nested && rest[0] === '}') return out;
            if (rest[0] === '\\' && rest.length > 1) { out += rest[1]; at += 2; continue; }
            let m: RegExpExecArray | null;
            if ((m = /^\$(\d+)/.exec(rest))) { at += m[0].length; out += `\u0000${m[1]}\u0000`; continue; }
            if ((m = /^\$\{(\d+)\|([^|]*)\|\}/.exec(rest))) { at += m[0].length; out += values[m[1]] = m[2].split(',')[0]; continue; }
            if ((m = /^\$\{(\d+):/.exec(rest))) { at += m[0].length; const value = parse(true); at++; out += values[m[1]] = value; continue; }
            if ((m = /^\$\{([A-Z_]+)\}/.exec(rest))) { at += m[0].length; out += variables[m[1]] ?? ''; continue; }
            if ((m = /^\$\{(\d+)\}/.exec(rest))) { at += m[0].length; out += `\u0000${m[1]}\u0000`; continue; }
            out += rest[0];
            at++;
        }
        return out;
    };
    return parse(false).replace(/\u0000(\d+)\u0000/g, (_, n: string) => values[n] ?? '').replace(/\t/g, '  ');
}
