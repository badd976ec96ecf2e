/**
 * The declarations a figure is derived from: where to look when it is not derived. A KPI's figure
 * comes from the KPI itself, every stage of its stage's process, the key results that go via that
 * process and the teams its stages name; an error in any of them leaves the figure `null`.
 */
import type { KpiInput, ProcessInput } from '@okr-plan/engine';
import type { AstNode } from 'langium';
import type { Site } from './site.js';
import type { WorkspacePlan } from './plan-workspace.js';

/** The declarations a stage's requirement depends on. */
export function stageDependencies(plan: WorkspacePlan, stageName: string): AstNode[] {
    const process = plan.input.processes.find(candidate => candidate.stages.some(stage => stage.name === stageName));
    return process ? processDependencies(plan, process) : [];
}

/** The declarations a KPI's figure depends on (the KPI first). */
export function kpiDependencies(plan: WorkspacePlan, kpi: KpiInput<Site>): AstNode[] {
    const stageName = kpi.of?.stage;
    return [kpi.nameSite.node, ...(stageName ? stageDependencies(plan, stageName) : [])];
}

function processDependencies(plan: WorkspacePlan, process: ProcessInput<Site>): AstNode[] {
    const teams = new Set(process.stages.map(stage => stage.team?.team).filter((name): name is string => typeof name === 'string'));
    return [
        process.nameSite.node,
        ...plan.input.keyResults.filter(keyResult => keyResult.via?.process === process.name).map(keyResult => keyResult.nameSite.node),
        ...plan.input.teams.filter(team => teams.has(team.name)).map(team => team.nameSite.node)
    ];
}
