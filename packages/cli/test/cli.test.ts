/** The `okr` command line, spawned like a user or a CI job would (spec §6). */
import { describe, expect, it } from 'vitest';
import { folderWith, runOkr } from './run-cli.js';

const PLAN = `unit house "houses"
unit m2 "m²"

team Plasterers { headcount 3 }

objective Deliver {
  keyresult Houses { target 10 house per month via Construction }
}

process Construction {
  stage Plastering { output m2 team Plasterers }
  stage Handover { output house needs 200 m2 per house }
}

kpi PlasterRate "Plastered wall per plasterer per day" {
  of Construction.Plastering
  per person per day
  target 30
  actual 2026-01 28
}
`;

const BROKEN = 'team Broken { headcount }\n';

describe('okr check', () => {
    it('prints the spec JSON with paths relative to the current folder', () => {
        const root = folderWith({ 'plans/main.okr': PLAN });
        const run = runOkr(['check', 'plans', '--format', 'json'], root);
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout);
        expect(Object.keys(json)).toEqual(['diagnostics']);
        expect(json.diagnostics).toEqual([
            // Spec §8: the actual 28 × 3 people / 200 m² × 21 days projects 8.82 houses a month.
            expect.objectContaining({ line: 7, column: 22, code: 'key-result-projected-short', message: expect.stringContaining('8.82 houses/month') }),
            {
                file: 'plans/main.okr',
                line: 18,
                column: 3,
                endLine: 18,
                endColumn: 12,
                severity: 'warning',
                code: 'kpi-target-below-plan',
                message: expect.stringContaining('31.7')
            }
        ]);
    });

    it('takes options before or after the paths', () => {
        const root = folderWith({ 'a.okr': PLAN });
        const before = runOkr(['check', '--format', 'json', '.'], root);
        const after = runOkr(['check', '.', '--format', 'json'], root);
        const equals = runOkr(['check', '--format=json'], root);
        expect(before.stdout).toBe(after.stdout);
        expect(equals.stdout).toBe(after.stdout);
    });

    it('exits 1 when the plan has an error, and still reports the other files', () => {
        const root = folderWith({ 'good.okr': PLAN, 'broken.okr': BROKEN });
        const run = runOkr(['check', '--format', 'json'], root);
        expect(run.status).toBe(1);
        const { diagnostics } = JSON.parse(run.stdout);
        expect(diagnostics.some((d: { file: string; code: string }) => d.file === 'broken.okr' && d.code === 'parse-error')).toBe(true);
        expect(diagnostics.some((d: { file: string; code: string }) => d.file === 'good.okr' && d.code === 'kpi-target-below-plan')).toBe(true);
    });

    it('exits 2 on usage errors and unreadable paths, with a clear message and no stack trace', () => {
        const root = folderWith({ 'a.okr': PLAN });
        for (const args of [['check', 'missing-folder'], ['check', '--format', 'xml'], ['frobnicate'], ['check', '--bogus'], ['kpis', '--format']]) {
            const run = runOkr(args, root);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stderr).toMatch(/^okr: /);
            expect(run.stderr).not.toMatch(/\n\s+at /);
        }
        expect(runOkr(['check', 'missing-folder'], root).stderr).toContain("cannot read 'missing-folder'");
    });

    it('prints readable text without colours when not on a terminal', () => {
        const root = folderWith({ 'a.okr': PLAN });
        const run = runOkr(['check'], root);
        expect(run.stdout).toMatch(/^a\.okr:7:22 {2}warning {2}At the latest KPI actuals, Construction\.Plastering limits the output to 8\.82 houses\/month/);
        expect(run.stdout).toMatch(/\na\.okr:18:3 {2}warning {2}Target 30 is below the derived plan \(31\.7\)/);
        expect(run.stdout).not.toContain('\u001b[');
        expect(run.stdout).toContain('0 errors, 2 warnings');
    });

    it('speaks Russian when the locale is Russian', () => {
        const root = folderWith({ 'a.okr': PLAN });
        const run = runOkr(['check'], root, { LANG: 'ru_RU.UTF-8' });
        expect(run.stdout).toContain('предупреждение');
        expect(run.stdout).toContain('Цель 30 ниже рассчитанного плана (31.7)');
    });

    it('writes SARIF 2.1.0 that code scanning accepts', () => {
        const root = folderWith({ 'plans/main.okr': PLAN, 'plans/broken.okr': BROKEN });
        const run = runOkr(['check', '--format', 'sarif'], root);
        expect(run.status).toBe(1);
        const sarif = JSON.parse(run.stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
        expect(sarif.runs).toHaveLength(1);
        const [sarifRun] = sarif.runs;
        expect(sarifRun.tool.driver.name).toBe('okr');
        const ruleIds = sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id);
        expect(ruleIds).toContain('kpi-target-below-plan');
        expect(ruleIds).toContain('parse-error');
        for (const result of sarifRun.results) {
            expect(ruleIds[result.ruleIndex]).toBe(result.ruleId);
            expect(['error', 'warning', 'note']).toContain(result.level);
            expect(result.message.text.length).toBeGreaterThan(0);
            const location = result.locations[0].physicalLocation;
            expect(location.artifactLocation.uri).toMatch(/^plans\/(main|broken)\.okr$/);
            expect(location.region.startLine).toBeGreaterThanOrEqual(1);
            expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
        }
        const warning = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'kpi-target-below-plan');
        expect(warning.level).toBe('warning');
        expect(warning.locations[0].physicalLocation.region).toMatchObject({ startLine: 18, startColumn: 3 });
    });
});

describe('okr kpis', () => {
    it('prints the spec JSON with unrounded figures', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        const run = runOkr(['kpis', '--format', 'json'], root);
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout);
        expect(json.kpis).toEqual([
            {
                name: 'PlasterRate',
                file: 'plan.okr',
                line: 15,
                stage: 'Construction.Plastering',
                unit: 'm2/person/day',
                value: 31.746031746031747,
                low: 31.746031746031747,
                high: 31.746031746031747,
                target: 30,
                status: 'on-track',
                actuals: [{ period: '2026-01', value: 28, deviation: (28 - 30) / 30, status: 'on-track' }]
            }
        ]);
        expect(json.stages).toEqual([
            { name: 'Construction.Plastering', unit: 'm2/month', value: 2000, low: 2000, high: 2000 },
            { name: 'Construction.Handover', unit: 'house/month', value: 10, low: 10, high: 10 }
        ]);
    });

    it('gives null figures to a KPI with nothing to derive from', () => {
        const root = folderWith({ 'plan.okr': `${PLAN}\nkpi Loose { per month }\n` });
        const json = JSON.parse(runOkr(['kpis', '--format', 'json'], root).stdout);
        const loose = json.kpis.find((kpi: { name: string }) => kpi.name === 'Loose');
        expect(loose).toMatchObject({ stage: null, unit: null, value: null, low: null, high: null, target: null, actuals: [] });
    });

    it('prints an aligned text table with unit labels and rounded figures', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        const run = runOkr(['kpis'], root);
        const lines = run.stdout.split('\n');
        const header = lines[0];
        const row = lines.find(line => line.startsWith('PlasterRate'))!;
        expect(row).toContain('31.7 m²/person/day');
        expect(row).toContain('-6.7%  on track');
        // the Stage column starts at the same place in the header and the row
        expect(row.indexOf('Construction.Plastering')).toBe(header.indexOf('Stage'));
        expect(run.stdout).toContain('2000 m²/month');
    });

    it('writes CSV with full precision and unit names', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        const run = runOkr(['kpis', '--format', 'csv'], root);
        const [header, row] = run.stdout.trim().split('\r\n');
        expect(header.split(',')).toContain('value');
        const cells = Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]]));
        expect(cells).toMatchObject({ name: 'PlasterRate', unit: 'm2/person/day', value: String(31.746031746031747), target: '30', latest_period: '2026-01', latest_actual: '28', status: 'on-track' });
    });

    it('writes Markdown tables with labels', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        const run = runOkr(['kpis', '--format', 'markdown'], root);
        expect(run.stdout).toContain('| KPI | Stage |');
        expect(run.stdout).toMatch(/\| PlasterRate \| Construction\.Plastering \| 31\.7 m²\/person\/day \|.* \| -6\.7% \| on track \|/);
    });
});

describe('bad input', () => {
    const deep = 'objective Deep {\n' + '{'.repeat(5000) + '\n' + '}'.repeat(5000) + '\n}\n';
    const files: Record<string, string | Uint8Array> = {
        'good.okr': PLAN,
        'garbage.okr': 'this is not a plan at all ]]] {{{ "unterminated\n',
        'binary.okr': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]),
        'latin1.okr': new Uint8Array([0x75, 0x6e, 0x69, 0x74, 0x20, 0xe9, 0x0a]),
        'deep.okr': deep,
        'huge.okr': 'unit widget\nteam Huge { headcount 1e308 }\nobjective Big { keyresult Lots { target 1e308 widget per day via Mass } }\nprocess Mass { stage Make { output widget team Huge } }\nkpi MassRate { of Mass.Make per person per year }\nteam Over { headcount 1' + '0'.repeat(400) + ' }\n',
        'zero.okr': 'unit thing\nteam Nobody { headcount 0 availability 0% }\nteam Negative { headcount -2 }\nobjective Z { keyresult None { target 0 thing per month via Zero } }\nprocess Zero { stage A { output thing team Nobody } stage B { output thing needs 0 thing per thing } }\nkpi ZeroRate { of Zero.A per person per day target -1 actual 2026-01 -3 }\n'
    };

    for (const format of ['json', 'text']) {
        it(`never crashes and never prints NaN, Infinity or undefined (check, ${format})`, () => {
            const run = runOkr(['check', '--format', format], folderWith(files));
            expect(run.status).toBe(1);
            expect(run.stderr).toBe('');
            expect(run.stdout).not.toMatch(/NaN|Infinity|undefined/);
        });
    }

    it('reports undecodable files at line 1, column 1 and still derives the good plan', () => {
        const root = folderWith(files);
        const { diagnostics } = JSON.parse(runOkr(['check', '--format', 'json'], root).stdout);
        for (const file of ['binary.okr', 'latin1.okr']) {
            const found = diagnostics.filter((d: { file: string }) => d.file === file);
            expect(found).toEqual([expect.objectContaining({ line: 1, column: 1, code: 'parse-error', severity: 'error' })]);
        }
        const kpis = JSON.parse(runOkr(['kpis', '--format', 'json'], root).stdout);
        expect(kpis.kpis.find((kpi: { name: string }) => kpi.name === 'PlasterRate').value).toBe(31.746031746031747);
    });

    for (const format of ['json', 'csv', 'markdown', 'text']) {
        it(`derives what it can from hostile numbers without NaN or Infinity (kpis, ${format})`, () => {
            const run = runOkr(['kpis', '--format', format], folderWith(files));
            expect(run.status).toBe(1);
            expect(run.stderr).toBe('');
            expect(run.stdout).not.toMatch(/NaN|Infinity|undefined/);
        });
    }

    it('reports zero and negative quantities as invalid-quantity', () => {
        const { diagnostics } = JSON.parse(runOkr(['check', 'zero.okr', '--format', 'json'], folderWith(files)).stdout);
        const invalid = diagnostics.filter((d: { code: string }) => d.code === 'invalid-quantity');
        expect(invalid.length).toBeGreaterThanOrEqual(4);
    });
});
