/**
 * The workspace plan under one scenario (spec §9), for `okr … --scenario NAME`: the same
 * PlanWorkspace, whose engine run is given the input with the scenario applied. Every reader of
 * the plan (validation, the CLI's tables and JSON, the preview) then sees the plan under the
 * scenario, and findings about overridden clauses sit on the overriding clauses.
 */
import type { PlanAnalysis, PlanInput } from '@okr-plan/engine';
import type { LangiumDocuments } from 'langium';
import type { OkrServices } from '../okr-module.js';
import { PlanWorkspace, type WorkspacePlan } from './plan-workspace.js';
import { declarationsOf, inputUnderScenario, resolveScenarios, workspaceFragments, type ResolvedScenario } from './scenario-plan.js';
import type { Site } from './site.js';

export class ScenarioPlanWorkspace extends PlanWorkspace {
    private readonly langiumDocuments: LangiumDocuments;
    private readonly underScenario = new WeakMap<WorkspacePlan, WorkspacePlan>();

    /** `scenario`: the name as the user gave it; a name no scenario has leaves the base plan. */
    constructor(services: OkrServices, readonly scenario: string) {
        super(services);
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    /** The scenario in force, resolved against the current workspace. */
    selected(): ResolvedScenario | undefined {
        const fragments = workspaceFragments(this.langiumDocuments, document => this.fragment(document));
        return resolveScenarios(fragments, declarationsOf(fragments)).get(this.scenario);
    }

    protected override analyse(input: PlanInput<Site>): PlanAnalysis<Site> {
        const scenario = this.selected();
        return super.analyse(scenario ? inputUnderScenario(input, scenario) : input);
    }

    /** The plan whose `input` is the one analysed, so displays of inputs (headcounts) show the scenario's. */
    override current(): WorkspacePlan {
        const base = super.current();
        let plan = this.underScenario.get(base);
        if (!plan) {
            const scenario = this.selected();
            const input = scenario ? inputUnderScenario(base.input, scenario) : base.input;
            plan = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(base), input: { value: input, enumerable: true } }) as WorkspacePlan;
            this.underScenario.set(base, plan);
        }
        return plan;
    }
}
