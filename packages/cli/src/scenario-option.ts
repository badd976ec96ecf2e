/**
 * `--scenario NAME` (spec §9, §10): the plan is loaded with the workspace plan that applies the
 * scenario before the engine runs, so every table, JSON and diagnostic is the plan under it.
 * A name the plan has no scenario for is a usage error (exit 2) that lists the known ones.
 */
import { ScenarioPlanWorkspace, type Language, type OkrServicesOverride } from '@okr-plan/language';
import type { LoadedPlan } from './plan-loader.js';
import { usageWords } from './usage-words.js';

export class UnknownScenarioError extends Error {}

/** The services override that analyses the plan under `scenario` (on top of any other override). */
export function scenarioOverride(override: OkrServicesOverride | undefined, scenario: string): OkrServicesOverride {
    return { ...override, plan: { ...override?.plan, PlanWorkspace: services => new ScenarioPlanWorkspace(services, scenario) } };
}

/** The scenario's label; throws UnknownScenarioError when the loaded plan has no scenario of that name. */
export function requireScenario(loaded: LoadedPlan, scenario: string, language: Language): { label: string | undefined } {
    const known = [...loaded.plan.declarations].filter(([, list]) => list.some(declared => declared.kind === 'scenario'));
    const found = known.find(([name]) => name === scenario);
    if (!found) throw new UnknownScenarioError(usageWords(language).unknownScenario(scenario, known.map(([name]) => name)));
    const label = (found[1][0].node as { label?: string }).label;
    return { label: label || undefined };
}

/** JSON output under a scenario: that of the base plan with `"scenario":"NAME"` first (the base JSON has no such key). */
export function withScenarioKey(json: string, scenario: string | undefined): string {
    if (scenario === undefined) return json;
    return JSON.stringify({ scenario, ...(JSON.parse(json) as object) }, null, 2) + '\n';
}
