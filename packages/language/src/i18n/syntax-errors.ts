/**
 * The parser's error texts (chevrotain's, in English) read into what was expected and what was
 * found, so each language can say it in its own words with a hint of what to write.
 */

export type SyntaxProblem =
    /** `suggestion`: the keyword the found word is nearest to, when one is close (`persons` → `person`). */
    | { kind: 'expected'; expected: string[]; found: string; suggestion?: string }
    | { kind: 'character'; character: string }
    /** A number glued to a unit: `200m2`, `10house`. */
    | { kind: 'glued-unit'; number: string; unit: string }
    /** A decimal comma: `2,5`. */
    | { kind: 'decimal-comma'; number: string }
    /** A space before `%`: `80 %`. */
    | { kind: 'spaced-percent'; number: string }
    /** A keyword a scenario's block does not take (`output` in `stage … { }`, spec §9); `keywords`: those it takes. */
    | { kind: 'not-in-scenario'; keyword: string; block: ScenarioBlockKind; keywords: string[] }
    | { kind: 'other'; text: string };

export type ScenarioBlockKind = 'scenario' | 'team' | 'keyresult' | 'stage' | 'kpi' | 'process';

/**
 * The scenario block (spec §9) enclosing an offset, read from the text (the parser's recovery
 * may have cut the block's node short): `stage` inside `scenario Hire { stage X.Y { … } }`, or
 * `scenario` directly inside one. Calendar and policy blocks take all their clauses: undefined.
 */
export function scenarioBlockAt(text: string, offset: number): ScenarioBlockKind | undefined {
    const headers: string[] = [];
    let depth = 0;
    for (let index = offset - 1; index >= 0 && headers.length < 3; index--) {
        const character = text[index];
        if (character === '}') depth++;
        else if (character === '{') {
            if (depth > 0) depth--;
            else headers.unshift(headerBefore(text, index));
        }
    }
    const [outer, inner, deeper] = headers;
    if (!outer?.startsWith('scenario') || deeper !== undefined) return undefined;
    if (inner === undefined) return 'scenario';
    const keyword = inner.split(/\s/, 1)[0];
    return (['team', 'keyresult', 'stage', 'kpi', 'process'] as const).find(kind => kind === keyword);
}

/** The words before a `{` back to the previous brace: `stage Construction.Handover`. */
function headerBefore(text: string, brace: number): string {
    const start = Math.max(text.lastIndexOf('{', brace - 1), text.lastIndexOf('}', brace - 1)) + 1;
    return text.slice(start, brace).replace(/\/\/[^\n]*/g, ' ').trim();
}

/**
 * A character the lexer could not read, explained by what surrounds it: most such characters
 * are a number written the way a spreadsheet or a sentence would (`200m2`, `2,5`, `80 %`).
 */
export function readLexingError(text: string, offset: number, length: number, message: string): SyntaxProblem {
    const skipped = text.slice(offset, offset + Math.max(1, length));
    const before = text.slice(Math.max(0, offset - 40), offset);
    const after = text.slice(offset + Math.max(1, length), offset + Math.max(1, length) + 40);
    const glued = /^(-?[0-9][0-9_]*(?:\.[0-9]+)?)$/.exec(skipped);
    const unit = /^([_\p{L}][_\p{L}\p{M}\p{N}]*)/u.exec(after);
    if (glued && unit) return { kind: 'glued-unit', number: glued[1], unit: unit[1] };
    const digitsBefore = /([0-9][0-9_]*(?:\.[0-9]+)?)$/.exec(before);
    const digitsAfter = /^([0-9]+)/.exec(after);
    if (skipped === ',' && digitsBefore && digitsAfter) return { kind: 'decimal-comma', number: `${digitsBefore[1]}.${digitsAfter[1]}` };
    const spaced = /([0-9][0-9_]*(?:\.[0-9]+)?)[ \t]+$/.exec(before);
    if (skipped === '%' && spaced) return { kind: 'spaced-percent', number: spaced[1] };
    return readSyntaxError(message);
}

export function readSyntaxError(text: string): SyntaxProblem {
    const single = /^Expecting token of type '(.+?)' but found `([\s\S]*)`\.$/.exec(text);
    if (single) return { kind: 'expected', expected: [single[1]], found: single[2] };
    const several = /^Expecting: (?:one of these possible Token sequences|expecting at least one iteration which starts with one of these possible Token sequences)::?([\s\S]*?)but found: '([\s\S]*)'$/.exec(text);
    if (several) {
        const expected = [...several[1].matchAll(/\[([^\]]+)\]/g)].map(match => match[1].split(',')[0].trim().replace(/^'|'$/g, ''));
        return { kind: 'expected', expected: withoutContextualKeywords([...new Set(expected)]), found: several[2] };
    }
    const character = /^unexpected character: ->([\s\S])<- at offset: \d+, skipped \d+ characters\.$/.exec(text);
    if (character) return { kind: 'character', character: character[1] };
    return { kind: 'other', text };
}

/** Keywords that may also be names (spec §8): where a name is expected, "a name" says it all. */
const CONTEXTUAL_KEYWORDS = new Set(['period', 'holiday', 'milestone', 'offtrack', 'scenario', 'extends']);

function withoutContextualKeywords(expected: string[]): string[] {
    return expected.includes('ID') ? expected.filter(token => !CONTEXTUAL_KEYWORDS.has(token)) : expected;
}

/** Terminal names of the grammar, for describing what was expected. */
export type TokenWords = Record<'ID' | 'NUMBER' | 'PERCENT' | 'PERIOD' | 'STRING' | 'EOF', string>;

/** What an expected token is called: a terminal's description, or a keyword in backticks. */
export function describeToken(token: string, words: TokenWords): string {
    return token in words ? words[token as keyof TokenWords] : `\`${token}\``;
}
