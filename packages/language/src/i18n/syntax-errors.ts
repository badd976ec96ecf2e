/**
 * The parser's error texts (chevrotain's, in English) read into what was expected and what was
 * found, so each language can say it in its own words with a hint of what to write.
 */

export type SyntaxProblem =
    | { kind: 'expected'; expected: string[]; found: string }
    | { kind: 'character'; character: string }
    | { kind: 'other'; text: string };

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
const CONTEXTUAL_KEYWORDS = new Set(['period', 'holiday', 'milestone', 'offtrack']);

function withoutContextualKeywords(expected: string[]): string[] {
    return expected.includes('ID') ? expected.filter(token => !CONTEXTUAL_KEYWORDS.has(token)) : expected;
}

/** Terminal names of the grammar, for describing what was expected. */
export type TokenWords = Record<'ID' | 'NUMBER' | 'PERCENT' | 'PERIOD' | 'STRING' | 'EOF', string>;

/** What an expected token is called: a terminal's description, or a keyword in backticks. */
export function describeToken(token: string, words: TokenWords): string {
    return token in words ? words[token as keyof TokenWords] : `\`${token}\``;
}
