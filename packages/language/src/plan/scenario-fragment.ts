/**
 * One scenario's share of the plan (spec §9), read from its syntax tree like the rest of a
 * document: the clauses each block gives, as engine inputs with names as written. Numbers,
 * rates, flows and unknown words are read by the document's own reader, so a scenario's
 * `headcount 2.5.` gets the message a team's would. Blocks naming one declaration again get
 * `duplicate-clause` and are left out (the first counts).
 */
import type { ScenarioInput, ScenarioKeyResultInput, ScenarioKpiInput, ScenarioStageInput, ScenarioTeamInput, TimeUnit } from '@okr-plan/engine';
import type { AstNode, Reference } from 'langium';
import * as ast from '../generated/ast.js';
import { NUMBER, PERCENT, PERCENT_OR_RANGE, type CalendarFragment, type ClauseReader, type PolicyFragment } from './plan-fragment.js';
import type { Site } from './site.js';

export interface ScenarioFragment {
    name: string;
    label?: string;
    node: ast.Scenario;
    /** The scenario it extends, as written (null while the name is not typed yet). */
    extends?: { name: string | null; node: ast.ScenarioExtends };
    /** The scenario's clauses; every name in it is as written, resolved for the workspace later. */
    changes: Omit<ScenarioInput<Site>, 'parent' | 'calendar' | 'policy'>;
    calendar?: CalendarFragment;
    policy?: PolicyFragment;
    /** Each block that names a declaration, with the declaration's kind and name as written (for hovers). */
    blocks: { kind: 'team' | 'keyresult' | 'stage' | 'kpi' | 'process'; name: string; node: AstNode }[];
}

export function readScenario(node: ast.Scenario, name: string, reader: ClauseReader): ScenarioFragment {
    const scenario: ScenarioFragment = {
        name,
        label: node.label,
        node,
        extends: node.extends && { name: refName(node.extends.scenario), node: node.extends },
        changes: { name, teams: [], keyResults: [], stages: [], processes: [], kpis: [] },
        blocks: []
    };
    const named = new Set<string>();
    for (const block of node.blocks) {
        if (ast.isUnknown(block)) {
            reader.unknown(block);
            continue;
        }
        const key = blockKey(block);
        if (named.has(key)) {
            reader.report({ code: 'duplicate-clause', severity: 'error', site: { node: block }, args: { clause: key, scenario: name } });
            continue;
        }
        named.add(key);
        if (ast.isCalendar(block)) scenario.calendar = reader.readCalendar(block);
        else if (ast.isPolicy(block)) scenario.policy = reader.readPolicy(block);
        else readBlock(block, scenario, reader);
    }
    return scenario;
}

type NamingBlock = ast.ScenarioTeam | ast.ScenarioKeyResult | ast.ScenarioStage | ast.ScenarioKpi | ast.ScenarioProcess;

function readBlock(block: NamingBlock, scenario: ScenarioFragment, reader: ClauseReader): void {
    const name = refName(targetOf(block));
    if (name === null) return; // the parser says what is missing
    const { changes } = scenario;
    const seen = new Set<string>();
    // Clauses of one kind: a second one is `duplicate-clause`, as in the declaration itself.
    const once = (clause: AstNode, kind: string) => !reader.repeated(seen, kind, clause, kind === 'flow' ? 'flow' : undefined);
    switch (block.$type) {
        case 'ScenarioTeam': {
            scenario.blocks.push({ kind: 'team', name, node: block });
            const team: ScenarioTeamInput<Site> = { name };
            for (const clause of block.clauses) {
                if (ast.isUnknown(clause)) reader.unknown(clause);
                else if (once(clause, clause.$type) && clause.value) {
                    if (ast.isHeadcount(clause)) team.headcount = reader.quantity(clause.value, NUMBER, 'headcount');
                    else team.availability = reader.quantity(clause.value, PERCENT, 'availability');
                }
            }
            changes.teams?.push(team);
            break;
        }
        case 'ScenarioKeyResult': {
            scenario.blocks.push({ kind: 'keyresult', name, node: block });
            const keyResult: ScenarioKeyResultInput<Site> = { name };
            for (const clause of block.clauses) {
                if (ast.isUnknown(clause)) reader.unknown(clause);
                else if (!once(clause, clause.$type)) continue;
                else if (ast.isKeyResultTarget(clause)) keyResult.target = clause.rate && reader.target(clause.rate, clause);
                else if (ast.isVia(clause)) keyResult.via = { process: refName(clause.process), site: { node: clause } };
            }
            changes.keyResults?.push(keyResult);
            break;
        }
        case 'ScenarioStage': {
            scenario.blocks.push({ kind: 'stage', name, node: block });
            const stage: ScenarioStageInput<Site> = { name };
            for (const clause of block.clauses) {
                if (ast.isUnknown(clause)) reader.unknown(clause);
                else if (ast.isNonstandard(clause)) stage.nonstandard = true;
                else if (ast.isNeeds(clause) || ast.isYields(clause) || ast.isConversion(clause)) {
                    if (!once(clause, 'flow')) continue;
                    stage.flow = ast.isConversion(clause)
                        ? clause.rate && { kind: 'conversion', rate: reader.quantity(clause.rate, PERCENT_OR_RANGE, 'conversion'), site: { node: clause } }
                        : reader.ratioFlow(clause);
                } else if (!once(clause, clause.$type)) continue;
                else if (ast.isStageTeam(clause)) {
                    stage.team = { team: refName(clause.team), share: clause.share ? reader.quantity(clause.share, PERCENT, 'share') : undefined, site: { node: clause } };
                } else if (ast.isCadence(clause)) stage.cadence = clause.rate && reader.rate(clause.rate, clause, 'cadence');
                else if (ast.isCapacity(clause)) stage.capacity = clause.rate && reader.rate(clause.rate, clause, 'capacity');
            }
            changes.stages?.push(stage);
            break;
        }
        case 'ScenarioKpi': {
            scenario.blocks.push({ kind: 'kpi', name, node: block });
            const kpi: ScenarioKpiInput<Site> = { name };
            for (const clause of block.clauses) {
                if (ast.isUnknown(clause)) reader.unknown(clause);
                else if (!once(clause, clause.$type)) continue;
                else if (ast.isKpiPer(clause) && clause.timeUnit) kpi.per = { perPerson: clause.perPerson, timeUnit: clause.timeUnit as TimeUnit, site: { node: clause } };
                else if (ast.isKpiTarget(clause) && clause.value) kpi.target = { value: reader.quantity(clause.value, NUMBER, 'kpi-target').low, site: { node: clause } };
            }
            changes.kpis?.push(kpi);
            break;
        }
        case 'ScenarioProcess': {
            scenario.blocks.push({ kind: 'process', name, node: block });
            for (const clause of block.clauses) if (ast.isUnknown(clause)) reader.unknown(clause);
            changes.processes?.push({ name, nonstandard: block.clauses.some(ast.isNonstandard) });
            break;
        }
    }
}

function targetOf(block: NamingBlock): Reference | undefined {
    switch (block.$type) {
        case 'ScenarioTeam': return block.team;
        case 'ScenarioKeyResult': return block.keyResult;
        case 'ScenarioStage': return block.stage;
        case 'ScenarioKpi': return block.kpi;
        case 'ScenarioProcess': return block.process;
    }
}

/** What a block names, as a message shows it: `team Plasterers`, `calendar`. */
function blockKey(block: NamingBlock | ast.Calendar | ast.Policy): string {
    if (ast.isCalendar(block)) return 'calendar';
    if (ast.isPolicy(block)) return 'policy';
    const keyword = block.$cstNode?.text.split(/\s/, 1)[0] ?? block.$type;
    return `${keyword} ${refName(targetOf(block)) ?? ''}`.trim();
}

function refName(reference: Reference | undefined): string | null {
    return reference?.$refText || null;
}
