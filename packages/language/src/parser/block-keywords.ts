/**
 * The keywords that may start a clause in each kind of block, read from the grammar (so a new
 * clause is known here as soon as the grammar has it): what an unknown word is compared with.
 */
import { GrammarAST } from 'langium';
import { OkrGrammar } from '../generated/grammar.js';

/** The grammar rule listing the clauses of each block, by the block's AST type (Plan: the declarations). */
const CLAUSE_RULES: Record<string, string> = {
    Plan: 'Declaration',
    Calendar: 'CalendarClause',
    Policy: 'PolicyClause',
    Team: 'TeamClause',
    Objective: 'ObjectiveClause',
    KeyResult: 'KeyResultClause',
    Process: 'ProcessClause',
    Stage: 'StageClause',
    Kpi: 'KpiClause',
    Scenario: 'ScenarioBlock',
    ScenarioTeam: 'ScenarioTeamClause',
    ScenarioKeyResult: 'ScenarioKeyResultClause',
    ScenarioStage: 'ScenarioStageClause',
    ScenarioKpi: 'ScenarioKpiClause',
    ScenarioProcess: 'ScenarioProcessClause'
};

let cache: Map<string, string[]> | undefined;

/** The keywords starting a clause of a block of this AST type, in grammar order. */
export function clauseKeywords(blockType: string): string[] {
    cache ??= readKeywords();
    return cache.get(blockType) ?? [];
}

function readKeywords(): Map<string, string[]> {
    const rules = new Map(OkrGrammar().rules.filter(GrammarAST.isParserRule).map(rule => [rule.name, rule]));
    const result = new Map<string, string[]>();
    for (const [blockType, ruleName] of Object.entries(CLAUSE_RULES)) {
        const keywords: string[] = [];
        const visit = (rule: GrammarAST.ParserRule | undefined, depth: number) => {
            const definition = rule?.definition;
            if (!definition || depth > 3) return;
            const alternatives = GrammarAST.isAlternatives(definition) ? definition.elements : [definition];
            for (const alternative of alternatives) {
                if (GrammarAST.isRuleCall(alternative) && GrammarAST.isParserRule(alternative.rule.ref)) {
                    const called = alternative.rule.ref;
                    const first = firstKeyword(called);
                    if (first) keywords.push(first);
                    else visit(called, depth + 1); // a union of clauses (e.g. PolicyClause inside a block)
                }
            }
        };
        visit(rules.get(ruleName), 0);
        result.set(blockType, [...new Set(keywords)]);
    }
    return result;
}

function firstKeyword(rule: GrammarAST.ParserRule): string | undefined {
    const definition = rule.definition;
    if (GrammarAST.isKeyword(definition)) return definition.value;
    if (GrammarAST.isGroup(definition)) {
        const first = definition.elements.find(element => !GrammarAST.isAction(element));
        return GrammarAST.isKeyword(first) ? first.value : undefined;
    }
    return undefined;
}
