/** The plans `npm run bench` measures are valid plans: cross-file teams and key results link and derive. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOkr } from '../packages/cli/test/run-cli.js';
// @ts-expect-error a plain ES module of the bench, without types
import { generatePlan } from '../bench/generate-plan.mjs';

describe('the generated bench plan with cross-file teams and key results', () => {
    it('has no errors, and every KPI gets a figure from a key result in another file', () => {
        const dir = path.join(mkdtempSync(path.join(tmpdir(), 'okr-bench-')), 'plan');
        expect(generatePlan(dir, { processes: 12, kpisPerStage: 2, crossFile: true })).toEqual({ files: 1 + 12 + 2 * 2, kpis: 12 * 4 * 2 });
        const check = JSON.parse(runOkr(['check', dir, '--format', 'json'], dir).stdout) as { diagnostics: { severity: string; code: string }[] };
        expect(check.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        const kpis = JSON.parse(runOkr(['kpis', dir, '--format', 'json'], dir).stdout) as { kpis: { name: string; value: number | null }[] };
        expect(kpis.kpis).toHaveLength(96);
        expect(kpis.kpis.filter(kpi => kpi.value === null)).toEqual([]);
    }, 60_000);
});
