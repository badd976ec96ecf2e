/**
 * Scenarios in the language (spec §9): the grammar (with `scenario` and `extends` still usable
 * as names), the diagnostics of a scenario's own text with their positions, and the plan
 * analysed under a scenario with findings on the overriding clauses.
 */
import { describe, expect, it } from 'vitest';
import { AstUtils } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { buildWorkspace } from './workspace.js';
import { ScenarioPlanWorkspace } from '../src/plan/scenario-workspace.js';
import { plasteringPlan } from '../../../test/fixtures/plastering.js';

const PLAN = plasteringPlan();

const HIRE = `scenario Hire "Hire two plasterers" {
  team Plasterers { headcount 5 }
  keyresult Deliver.Houses { target 12 house per month }
  stage Construction.Handover { needs 180 m2 per house }
  kpi PlasterRate { target 25 }
}
`;

describe('scenario syntax', () => {
    it('parses a scenario and leaves the base plan without diagnostics', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': HIRE });
        expect(workspace.diagnostics()).toEqual([]);
    });

    it('keeps scenario and extends usable as ordinary names', async () => {
        const text = PLAN.replace(/Plasterers/g, 'extends').replace(/Construction/g, 'scenario')
            + `scenario extends2 "a scenario" { team extends { headcount 4 } }\n`
            + `scenario Other extends extends2 { stage scenario.Handover { conversion 50% } }\n`
            + `unit extends3\n`;
        const workspace = await buildWorkspace(text);
        expect(workspace.diagnostics()).toEqual([]);
    });

    it('rejects a clause a scenario may not change, naming what the block takes', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': `scenario Bad {\n  stage Construction.Plastering { output house }\n}\n` });
        const errors = workspace.withCode('parse-error', 'scenarios.okr');
        // One mistake, one error: `house` after the refused `output` is not reported again.
        expect(errors).toHaveLength(1);
        expect(workspace.textOf(errors[0], 'scenarios.okr')).toBe('output');
        expect(errors[0].range.start.line).toBe(1);
        expect(errors[0].message).toBe('Syntax error: a scenario cannot change `output` of a stage; it takes `team`, `needs`, `yields`, `conversion`, `cadence`, `capacity` or `nonstandard`.');
        const ru = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': `scenario Bad {\n  team Plasterers { owner "HR" }\n}\n` }, 'ru');
        expect(ru.withCode('parse-error')[0].message).toBe('Синтаксическая ошибка: сценарий не может менять `owner` у команды; здесь можно `headcount` или `availability`.');
    });

    it('names the nearest keyword for an unknown word in a scenario block', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': `scenario Bad {\n  team Plasterers { headcont 4 }\n}\n` });
        const [error] = workspace.withCode('parse-error', 'scenarios.okr');
        expect(workspace.textOf(error, 'scenarios.okr')).toBe('headcont');
        expect(error.message).toBe("Syntax error: `headcont` is not a keyword in a scenario's team block — did you mean `headcount`?");
    });
});

describe('diagnostics of a scenario\'s text', () => {
    it('reports a block naming an unknown declaration with the nearest name', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': `scenario Bad {\n  team Plasterer { headcount 4 }\n}\n` });
        const [error] = workspace.diagnostics('scenarios.okr');
        expect(error.severity).toBe(DiagnosticSeverity.Error);
        expect(workspace.textOf(error, 'scenarios.okr')).toBe('Plasterer');
        expect(error.message).toBe("Unknown team 'Plasterer' — did you mean `Plasterers`? Or declare `team Plasterer { headcount N }`.");
    });

    it('reports duplicate-clause on the second and later blocks naming one declaration', async () => {
        const text = `scenario Twice {\n  team Plasterers { headcount 4 }\n  kpi PlasterRate { target 20 }\n  team Plasterers { availability 80% }\n  team Plasterers { headcount 6 }\n}\n`;
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': text });
        const found = workspace.withCode('duplicate-clause', 'scenarios.okr');
        expect(found.map(d => [d.range.start.line, d.severity])).toEqual([[3, DiagnosticSeverity.Error], [4, DiagnosticSeverity.Error]]);
        expect(workspace.textOf(found[0], 'scenarios.okr')).toBe('team Plasterers { availability 80% }');
        expect(found[0].message).toBe("Scenario 'Twice' changes `team Plasterers` in an earlier block already; only the first block counts. Merge the two blocks.");
    });

    it('reports scenario-cycle on the extends of every scenario on the cycle, and nothing on one extending it', async () => {
        const text = `scenario A extends B { }\nscenario B extends C { }\nscenario C extends A { }\nscenario D extends A { }\nscenario Self extends Self { }\n`;
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': text });
        const found = workspace.withCode('scenario-cycle', 'scenarios.okr');
        expect(found.map(d => [d.range.start.line, workspace.textOf(d, 'scenarios.okr')])).toEqual([[0, 'extends B'], [1, 'extends C'], [2, 'extends A'], [4, 'extends Self']]);
        expect(found[0].message).toBe("Scenario 'A' extends itself (A → B → C → A): a scenario applies the one it extends first, so the chain must end. Remove one `extends` on the cycle.");
    });

    it('words scenario-cycle and duplicate-clause in Russian', async () => {
        const text = `scenario A extends A { team Plasterers { headcount 4 } team Plasterers { headcount 5 } }\n`;
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': text }, 'ru');
        expect(workspace.withCode('scenario-cycle')[0].message).toBe('Сценарий «A» расширяет сам себя (A → A): сценарий сначала применяет тот, который расширяет, поэтому цепочка должна заканчиваться. Уберите одно `extends` в этом кольце.');
        expect(workspace.withCode('duplicate-clause')[0].message).toMatch(/^Сценарий «A» уже меняет `team Plasterers`/);
    });

    it('shares the workspace namespace: a scenario named like a team is duplicate-name', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': `scenario Plasterers { }\n` });
        expect(workspace.withCode('duplicate-name').map(d => d.range.start.line)).toEqual([2, 0]);
    });

    it('reports an extends naming no scenario', async () => {
        const workspace = await buildWorkspace({ 'plan.okr': PLAN, 'scenarios.okr': `scenario Hire { }\nscenario Slow extends Hir { }\n` });
        const [error] = workspace.diagnostics('scenarios.okr');
        expect(workspace.textOf(error, 'scenarios.okr')).toBe('Hir');
        expect(error.message).toBe("Unknown scenario 'Hir' — did you mean `Hire`? Or declare `scenario Hir { … }`.");
    });
});

describe('the plan under a scenario', () => {
    async function underScenario(files: Record<string, string>, name: string) {
        const workspace = await buildWorkspace(files);
        const scenarioWorkspace = new ScenarioPlanWorkspace(workspace.services, name);
        return { workspace, plan: scenarioWorkspace.current(), scenarioWorkspace };
    }

    it('derives the worked figures of Hire: 20.6 m²/person/day, plan 25', async () => {
        const { plan } = await underScenario({ 'plan.okr': PLAN, 'scenarios.okr': HIRE }, 'Hire');
        const kpi = plan.analysis.kpis.find(k => k.name === 'PlasterRate')!;
        expect(kpi.figure?.value).toBeCloseTo(2160 / 5 / 21, 12);
        expect(kpi.target).toBe(25);
        expect(plan.input.teams[0].headcount?.low).toBe(5);
    });

    it('puts a finding about an overridden clause on the overriding clause', async () => {
        const files = { 'plan.okr': PLAN, 'scenarios.okr': `scenario Low {\n  kpi PlasterRate { target 20 }\n}\n` };
        const { plan, workspace } = await underScenario(files, 'Low');
        const findings = [...plan.findingsByDocument.values()].flat().filter(f => f.code === 'kpi-target-below-plan');
        expect(findings).toHaveLength(1);
        const document = workspace.documents.get('scenarios.okr')!;
        expect(AstUtils.getDocument(findings[0].site.node)).toBe(document);
        expect(findings[0].site.node.$cstNode?.text).toBe('target 20');
        // The base plan is unchanged by the scenario.
        expect(workspace.withCode('kpi-target-below-plan')).toEqual([]);
    });

    it('applies the scenario it extends first', async () => {
        const files = { 'plan.okr': PLAN, 'scenarios.okr': HIRE + `scenario Slow extends Hire { calendar { workdays 20 per month } }\n` };
        const { plan } = await underScenario(files, 'Slow');
        expect(plan.analysis.kpis[0].figure?.value).toBeCloseTo(2160 / 5 / 20, 12);
    });

    it('derives nothing under a scenario that extends one on a cycle', async () => {
        const files = { 'plan.okr': PLAN, 'scenarios.okr': `scenario A extends B { }\nscenario B extends A { }\nscenario D extends A { team Plasterers { headcount 4 } }\n` };
        const { plan } = await underScenario(files, 'D');
        expect(plan.analysis.kpis[0].figure).toBeNull();
    });
});
