/**
 * Lets names start with a keyword (`unit offer`, `team dayShift`). Langium makes an identifier
 * terminal the "longer alternative" of each keyword it fully matches, but cannot test that for
 * terminals whose regex needs the `u` flag (our ID, for `\p{L}` and Cyrillic names): those become
 * matcher functions. Without this `offer` would lex as `of` + `fer`.
 */
import { DefaultTokenBuilder, GrammarAST, GrammarUtils } from 'langium';
import type { TokenType } from 'chevrotain';
import { OkrGrammar } from '../generated/grammar.js';

/** The terminal rules' regexes with their flags, by token name. */
const TERMINAL_REGEXES = new Map(
    OkrGrammar()
        .rules.filter(GrammarAST.isTerminalRule)
        .map(rule => [rule.name, GrammarUtils.terminalRegex(rule)] as const)
);

export class OkrTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        for (const token of terminalTokens) {
            const regex = TERMINAL_REGEXES.get(token.name);
            if (typeof token.PATTERN !== 'function' || !regex || alternatives.includes(token)) continue;
            if (new RegExp(`^(?:${regex.source})$`, regex.flags.replace(/[gy]/g, '')).test(keyword.value)) alternatives.push(token);
        }
        return alternatives;
    }
}
