/**
 * Semantic tokens (spec §7): names by what they name, declarations marked, numbers, periods and
 * time units.
 */
import { EmptyFileSystem } from 'langium';
import { expectSemanticToken, highlightHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { createOkrServices } from '../src/okr-module.js';

const PLAN = `unit <|m2|> "m²"
unit house
team <|Plasterers|> { headcount <|3|> availability <|80%|> }
objective <|Deliver|> {
  keyresult <|Houses|> { target <|1_000|> <|house|> per <|month|> via <|Construction|> actual <|2026-W03|> 8 }
}
process <|Construction|> {
  stage <|Plastering|> { output <|m2|> team <|Plasterers|> capacity 40 m2 per <|day|> }
  stage Handover { output house needs <|180|>..<|220|> m2 per <|house|> }
}
kpi <|PlasterRate|> {
  of <|Construction|>.<|Plastering|>
  per person per <|week|>
  actual <|2026-01|> 28
  actual <|2026-Q1|> 27
  actual <|2026-01-15|> 2
}
`;

async function tokens(text = PLAN) {
    const okr = createOkrServices(EmptyFileSystem).Okr;
    return { okr, result: await highlightHelper(okr)(text) };
}

describe('semantic tokens', () => {
    it('give each marked range the expected token type', async () => {
        const { result } = await tokens();
        const expected: SemanticTokenTypes[] = [
            SemanticTokenTypes.type, // unit m2
            SemanticTokenTypes.struct, // team Plasterers
            SemanticTokenTypes.number, // 3
            SemanticTokenTypes.number, // 80%
            SemanticTokenTypes.class, // objective Deliver
            SemanticTokenTypes.property, // keyresult Houses
            SemanticTokenTypes.number, // 1_000
            SemanticTokenTypes.type, // house in a rate
            SemanticTokenTypes.enumMember, // month
            SemanticTokenTypes.namespace, // via Construction
            SemanticTokenTypes.number, // 2026-W03
            SemanticTokenTypes.namespace, // process Construction
            SemanticTokenTypes.method, // stage Plastering
            SemanticTokenTypes.type, // output m2
            SemanticTokenTypes.struct, // team Plasterers in a stage
            SemanticTokenTypes.enumMember, // day
            SemanticTokenTypes.number, // 180
            SemanticTokenTypes.number, // 220
            SemanticTokenTypes.type, // per house in needs
            SemanticTokenTypes.variable, // kpi PlasterRate
            SemanticTokenTypes.namespace, // of Construction.
            SemanticTokenTypes.method, // .Plastering
            SemanticTokenTypes.enumMember, // week
            SemanticTokenTypes.number, // 2026-01
            SemanticTokenTypes.number, // 2026-Q1
            SemanticTokenTypes.number // 2026-01-15
        ];
        expect(result.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(result, { rangeIndex, tokenType }));
    });

    it('mark declarations and only declarations with the declaration modifier', async () => {
        const { okr, result } = await tokens();
        const declaration = okr.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.declaration];
        const named = (text: string) => result.tokens.filter(token => token.text === text).map(token => (token.tokenModifiers & declaration) !== 0);
        expect(named('Construction')).toEqual([false, true, false]); // via, process, of
        expect(named('Plastering')).toEqual([true, false]);
        expect(named('Plasterers')).toEqual([true, false]);
        expect(named('m2')).toEqual([true, false, false, false]);
        expect(named('PlasterRate')).toEqual([true]);
    });

    it('mark time units as built in', async () => {
        const { okr, result } = await tokens();
        const builtIn = okr.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.defaultLibrary];
        const timeUnits = result.tokens.filter(token => token.tokenType === SemanticTokenTypes.enumMember);
        expect(timeUnits.map(token => token.text)).toEqual(['month', 'day', 'week']);
        expect(timeUnits.every(token => (token.tokenModifiers & builtIn) !== 0)).toBe(true);
    });

    it('leave keywords, strings and the dot of a qualified name to the TextMate grammar', async () => {
        const { result } = await tokens();
        const texts = new Set(result.tokens.map(token => token.text));
        for (const text of ['unit', 'stage', 'of', 'per', 'person', '"m²"', '.', '..', '{']) expect(texts.has(text), text).toBe(false);
    });

    it('colour an unresolved reference by what it should name', async () => {
        const { result } = await tokens('kpi K { of <|Nowhere|>.<|Missing|> }\nprocess P { stage S { output <|nounit|> team <|Nobody|> } }');
        expectSemanticToken(result, { rangeIndex: 0, tokenType: SemanticTokenTypes.namespace });
        expectSemanticToken(result, { rangeIndex: 1, tokenType: SemanticTokenTypes.method });
        expectSemanticToken(result, { rangeIndex: 2, tokenType: SemanticTokenTypes.type });
        expectSemanticToken(result, { rangeIndex: 3, tokenType: SemanticTokenTypes.struct });
    });

    it('use the standard legend', async () => {
        const { okr } = await tokens('');
        const legend = okr.lsp.SemanticTokenProvider!.semanticTokensOptions.legend;
        for (const type of ['type', 'struct', 'class', 'property', 'namespace', 'method', 'variable', 'number', 'enumMember']) {
            expect(legend.tokenTypes).toContain(type);
        }
        expect(legend.tokenModifiers).toEqual(expect.arrayContaining(['declaration', 'defaultLibrary']));
    });
});

describe('semantic tokens of the plan over time (spec §8)', () => {
    it('colour holidays, periods and milestones as numbers', async () => {
        const { result } = await tokens(`unit <|house|>
calendar { holiday <|2026-01-01|>..<|2026-01-08|> }
objective <|Q|> {
  period <|2026-Q1|>
  keyresult <|K|> { target <|30|> <|house|> milestone <|2026-01|> <|8|> }
}
`);
        const expected: SemanticTokenTypes[] = [
            SemanticTokenTypes.type,
            SemanticTokenTypes.number, SemanticTokenTypes.number,
            SemanticTokenTypes.class,
            SemanticTokenTypes.number,
            SemanticTokenTypes.property,
            SemanticTokenTypes.number, SemanticTokenTypes.type,
            SemanticTokenTypes.number, SemanticTokenTypes.number
        ];
        expect(result.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(result, { rangeIndex, tokenType }));
    });
});
