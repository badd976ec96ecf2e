/** Unknown words the parser swallowed: which block they stand in and what they wrote. */
import type { AstNode } from 'langium';
import type * as ast from '../generated/ast.js';
import type { UnknownWordBlock } from './plan-findings.js';

/** What kind of block an unknown word stands in, for the message. */
export function blockKind(block: AstNode | undefined): UnknownWordBlock {
    switch (block?.$type) {
        case 'Calendar': return 'calendar';
        case 'Policy': return 'policy';
        case 'Team': return 'team';
        case 'Objective': return 'objective';
        case 'KeyResult': return 'keyresult';
        case 'Process': return 'process';
        case 'Stage': return 'stage';
        case 'Kpi': return 'kpi';
        case 'Scenario': return 'scenario';
        case 'ScenarioTeam': return 'scenario-team';
        case 'ScenarioKeyResult': return 'scenario-keyresult';
        case 'ScenarioStage': return 'scenario-stage';
        case 'ScenarioKpi': return 'scenario-kpi';
        case 'ScenarioProcess': return 'scenario-process';
        default: return 'plan';
    }
}

export const NAME_TOKEN = /^[_\p{L}][_\p{L}\p{M}\p{N}]*$/u;

/** Every token an unknown clause swallowed, its block's included, with `A.B` rejoined. */
export function unknownTokens(node: ast.Unknown): string[] {
    const tokens = [...node.tokens];
    const visit = (block: ast.UnknownBlock | undefined) => {
        if (!block) return;
        tokens.push(...block.tokens);
        block.blocks.forEach(visit);
    };
    visit(node.block);
    return tokens.join(' ').replace(/ \. /g, '.').split(' ');
}
