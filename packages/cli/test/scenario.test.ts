/** Spec §9 and §10 through the CLI: `--scenario NAME` on check, kpis, status, preview and diff, its JSON and exit codes. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderWith, runOkr, runOkrInProcess } from './run-cli.js';
import { plasteringPlan } from '../../../test/fixtures/plastering.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const okr = runOkrInProcess;

const PLAN = plasteringPlan();

describe('okr diff --scenario on the examples (issue 14: done when)', () => {
    it('shows 31.7 → 20.6 m²/person/day for the plastering KPI, through the built binary', () => {
        const run = runOkr(['diff', '--scenario', 'Hire', 'examples'], ROOT);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('OKR plan: plan → scenario Hire');
        expect(run.stdout).toMatch(/PlasterRate +31\.7 m²\/person\/day, target 32 → 20\.6 m²\/person\/day, target 25 +-35\.2%/);
    });

    it('writes the JSON of spec §10 with base "plan" and head "scenario Hire"', async () => {
        const run = await okr(['diff', '--scenario', 'Hire', 'examples/plastering', '--format', 'json'], ROOT);
        const json = JSON.parse(run.stdout);
        expect(json.base).toBe('plan');
        expect(json.head).toBe('scenario Hire');
        const kpi = json.kpis.find((entry: { name: string }) => entry.name === 'PlasterRate');
        expect(kpi.before.value).toBeCloseTo(2000 / 3 / 21, 12);
        expect(kpi.after.value).toBeCloseTo(2160 / 5 / 21, 12);
        expect(kpi.after.target).toBe(25);
        expect(json.teams).toEqual([{ name: 'Plasterers', change: 'changed', before: { headcount: 3, availability: 1 }, after: { headcount: 5, availability: 1 } }]);
        expect(json.stages.map((stage: { name: string; after: { value: number } }) => [stage.name, stage.after.value])).toEqual([['Construction.Plastering', 2160], ['Construction.Handover', 12]]);
    });

    it('shows what the slower funnel does to the sales example', async () => {
        const run = await okr(['diff', '--scenario', 'SlowFunnel', 'examples/sales-funnel', '--format', 'json'], ROOT);
        const json = JSON.parse(run.stdout);
        expect(json.kpis.map((entry: { name: string }) => entry.name)).toEqual(['CallsPerRep']);
        expect(json.kpis[0].after.value).toBeCloseTo(20 / 0.275 / 0.09 / 21 / 3.2, 9);
        expect(json.diagnostics.added.map((d: { code: string }) => d.code).sort()).toEqual(['key-result-projected-short', 'kpi-behind-plan']);
    });
});

describe('okr kpis, check and status --scenario', () => {
    it('derives the plan under the scenario and adds "scenario" to the JSON; the base JSON has no such key', async () => {
        const under = JSON.parse((await okr(['kpis', '--scenario', 'Hire', 'examples/plastering', '--format', 'json'], ROOT)).stdout);
        expect(Object.keys(under)[0]).toBe('scenario');
        expect(under.scenario).toBe('Hire');
        expect(under.kpis[0].value).toBeCloseTo(2160 / 5 / 21, 12);
        expect(under.kpis[0].target).toBe(25);
        const base = JSON.parse((await okr(['kpis', 'examples/plastering', '--format', 'json'], ROOT)).stdout);
        expect('scenario' in base).toBe(false);
        expect(base.kpis[0].value).toBeCloseTo(2000 / 3 / 21, 12);
        const status = JSON.parse((await okr(['status', 'examples/plastering', '--scenario=Hire', '--format', 'json'], ROOT)).stdout);
        expect(status.scenario).toBe('Hire');
        expect(status.objectives[0].keyResults[0].target).toBe(12);
    });

    it('puts a finding about an overridden clause on the overriding clause, and exits 1 on an error under the scenario', async () => {
        const folder = folderWith({ 'plan.okr': PLAN, 'what-if.okr': 'scenario Nobody {\n  team Plasterers { headcount 0 }\n  kpi PlasterRate { target 20 }\n}\n' });
        const base = await okr(['check', '.', '--format', 'json'], folder);
        expect(base.status).toBe(0);
        expect(JSON.parse(base.stdout)).toEqual({ diagnostics: [] });
        const run = await okr(['check', '.', '--scenario', 'Nobody', '--format', 'json'], folder);
        expect(run.status).toBe(1);
        const json = JSON.parse(run.stdout);
        expect(json.scenario).toBe('Nobody');
        expect(json.diagnostics.map((d: { file: string; line: number; column: number; code: string }) => [d.file, d.line, d.column, d.code])).toEqual([
            ['what-if.okr', 2, 21, 'invalid-quantity']
        ]);
        const text = await okr(['check', '.', '--scenario', 'Nobody'], folder);
        expect(text.stdout.split('\n')[0]).toBe('Scenario Nobody');
    });

    it('moves a kpi-target-below-plan to the scenario\'s target clause', async () => {
        const folder = folderWith({ 'plan.okr': PLAN, 'what-if.okr': 'scenario Low {\n  kpi PlasterRate { target 20 }\n}\n' });
        const json = JSON.parse((await okr(['check', '.', '--scenario', 'Low', '--format', 'json'], folder)).stdout);
        expect(json.diagnostics.map((d: { file: string; line: number; column: number; code: string }) => [d.file, d.line, d.column, d.code])).toEqual([['what-if.okr', 2, 21, 'kpi-target-below-plan']]);
    });

    it('exits 1 in plain check when a scenario\'s own text has an error', async () => {
        const folder = folderWith({ 'plan.okr': PLAN, 'what-if.okr': 'scenario A extends B { }\nscenario B extends A { }\n' });
        const run = await okr(['check', '.', '--format', 'json'], folder);
        expect(run.status).toBe(1);
        expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([['scenario-cycle', 1], ['scenario-cycle', 2]]);
        // Under a scenario on the cycle nothing is derived.
        const kpis = JSON.parse((await okr(['kpis', '.', '--scenario', 'A', '--format', 'json'], folder)).stdout);
        expect(kpis.kpis[0].value).toBeNull();
    });

    it('writes the preview of the plan under the scenario', async () => {
        const folder = folderWith({ 'plan.okr': PLAN, 'what-if.okr': 'scenario Hire { team Plasterers { headcount 5 } }\n' });
        expect((await okr(['preview', '.', '--scenario', 'Hire', '-o', 'tree.html'], folder)).status).toBe(0);
        const html = readFileSync(path.join(folder, 'tree.html'), 'utf8');
        // 2000 / 5 / 21 = 19 per plasterer, and the team's five people, with the plan's 31.7 beside it.
        expect(html).toContain('"perPerson":"19 m²/person/day (Plasterers: 5 people)"');
        expect(html).toContain('"change":{"before":"31.7 m²/person/day","delta":"-40%"}');
        expect((await okr(['preview', '.', '-o', 'plan.html'], folder)).status).toBe(0);
        expect(readFileSync(path.join(folder, 'plan.html'), 'utf8')).not.toContain('"change":{');
    });
});

describe('usage errors', () => {
    it('refuses an unknown scenario with exit 2, listing the known ones, in English and Russian', async () => {
        const run = await okr(['kpis', '--scenario', 'Hir', 'examples/plastering'], ROOT);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toBe("okr: no scenario 'Hir' in the plan; its scenarios are Hire\n");
        const ru = await okr(['diff', '--scenario', 'Hir', 'examples/plastering'], ROOT, { LANG: 'ru_RU.UTF-8' });
        expect(ru.status).toBe(2);
        expect(ru.stderr).toBe('okr: в плане нет сценария «Hir»; его сценарии: Hire\n');
        const none = await okr(['check', '--scenario', 'Hire', 'examples/blog'], ROOT);
        expect(none.status).toBe(2);
        expect(none.stderr).toBe("okr: no scenario 'Hire': the plan declares no scenario (write `scenario Hire { … }` in a .okr file)\n");
    });

    it('refuses diff --scenario with --from (exit 2), and --scenario without a name', async () => {
        const run = await okr(['diff', '--scenario', 'Hire', '--from', 'examples', 'examples'], ROOT);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^okr: diff --scenario NAME compares the plan with the plan under that scenario; it cannot be combined with a revision or --from DIR/);
        expect((await okr(['kpis', 'examples', '--scenario'], ROOT)).status).toBe(2);
        expect(existsSync(path.join(ROOT, 'Hire'))).toBe(false);
    });

    it('treats a revision given with diff --scenario as a path that cannot be read (exit 2)', async () => {
        const run = await okr(['diff', '--scenario', 'Hire', 'HEAD~1', 'examples'], ROOT);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/HEAD~1/);
    });
});
