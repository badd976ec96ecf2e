/**
 * `okr import` (spec §11): CSV dialects, all-or-nothing with CSV line numbers, idempotence,
 * `--dry-run`, and a process killed between two files leaving every file old or new.
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { folderWith, OKR_BIN, runOkr } from './run-cli.js';
import { PLAN } from './checkin-plan.js';

const read = (root: string, file = 'plan.okr') => readFileSync(path.join(root, file), 'utf8');

/** Three months of actuals as a Russian-locale spreadsheet saves them: BOM, `;`, decimal comma, CRLF. */
const RUSSIAN_CSV = '\uFEFFName;Period;Value;Cause\r\n'
    + 'PlasterRate;2026-01;28;\r\n'
    + 'PlasterRate;2026-02;27,5;"двое на больничном; смесь ""Ceresit"" кончилась"\r\n'
    + 'PlasterRate;2026-03;31,25;\r\n'
    + 'Deliver.Houses;2026-02;8;\r\n'
    + 'Deliver.Houses;2026-03;10;\r\n'
    + ';;;\r\n';

const IMPORTED = PLAN
    .replace('    actual 2026-01 9\n', '    actual 2026-01 9\n    actual 2026-02 8\n    actual 2026-03 10\n')
    .replace('// from the site log\n', '// from the site log\n  actual 2026-02 27.5 cause "двое на больничном; смесь \\"Ceresit\\" кончилась"\n  actual 2026-03 31.25\n');

describe('okr import', () => {
    it('imports a Russian-locale ;-CSV as the lines a person would type, and a second import changes nothing', () => {
        const root = folderWith({ 'plan.okr': PLAN, 'actuals.csv': RUSSIAN_CSV });
        const first = runOkr(['import', 'actuals.csv'], root);
        expect(first.stderr).toBe('');
        expect(first.status).toBe(0);
        expect(read(root)).toBe(IMPORTED);
        expect(first.stdout).toBe([
            'unchanged plan.okr:26', 'added plan.okr:27', 'added plan.okr:28', 'added plan.okr:11', 'added plan.okr:12',
            '4 added, 0 updated, 1 unchanged in 1 files', ''
        ].join('\n'));
        const second = runOkr(['import', 'actuals.csv'], root);
        expect(second.status).toBe(0);
        expect(second.stdout).toMatch(/\n0 added, 0 updated, 5 unchanged in 0 files\n$/);
        expect(read(root)).toBe(IMPORTED);
    });

    it('reads tab- and comma-separated files, quoted cells, columns in any order and extra columns', () => {
        const tab = 'value\tname\tperiod\tsource\n29.5\tPlasterRate\t2026-w05\tCRM\n';
        const comma = 'period,name,value,cause,note\n2026-02,PlasterRate,26,"late, then ""fixed""",x\n"2026-03",Deliver.Houses,9,,\n';
        const root = folderWith({ 'plan.okr': PLAN, 'tab.tsv': tab, 'comma.csv': comma });
        expect(runOkr(['import', 'tab.tsv'], root).status).toBe(0);
        expect(runOkr(['import', 'comma.csv'], root).status).toBe(0);
        const text = read(root);
        expect(text).toContain('  actual 2026-W05 29.5\n  actual 2026-02 26 cause "late, then \\"fixed\\""\n}');
        expect(text).toContain('    actual 2026-01 9\n    actual 2026-03 9\n  }');
    });

    it('takes a decimal comma only when the separator is not a comma', () => {
        const root = folderWith({ 'plan.okr': PLAN, 'a.csv': 'name,period,value\nPlasterRate,2026-02,"27,5"\n' });
        const run = runOkr(['import', 'a.csv'], root);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("a.csv:2: '27,5' is not a value");
        expect(read(root)).toBe(PLAN);
    });

    it('writes nothing when any row is bad, naming each bad row by the line it starts on', () => {
        const csv = 'name;period;value;cause\n'
            + 'PlasterRate;2026-02;27;"a cause\nover two lines"\n' // lines 2–3
            + 'PlasterRat;2026-03;1;\n'                            // line 4: unknown name
            + 'PlasterRate;2026-13;1;\n'                           // line 5: bad period
            + 'Deliver.Houses;2026-03;-2;\n'                       // line 6: bad value
            + 'PlasterRate;2026-02;28;\n';                         // line 7: same as line 2
        const root = folderWith({ 'plan.okr': PLAN, 'bad.csv': csv });
        const run = runOkr(['import', 'bad.csv'], root);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('nothing was written');
        expect(run.stderr).toContain("bad.csv:4: no KPI or key result 'PlasterRat' in the plan; nearest: PlasterRate, ");
        expect(run.stderr).toContain("bad.csv:5: '2026-13' is not a period");
        expect(run.stderr).toContain("bad.csv:6: '-2' is not a value");
        expect(run.stderr).toContain('bad.csv:7: PlasterRate 2026-02 is on lines 2 and 7');
        expect(run.stderr).not.toMatch(/bad\.csv:[23]:/);
        expect(read(root)).toBe(PLAN);
        const dryRun = runOkr(['import', 'bad.csv', '--dry-run'], root);
        expect(dryRun.status).toBe(2);
        expect(dryRun.stdout).toBe('');
    });

    it('refuses a file without the name, period or value column, in Russian when LANG says so', () => {
        const root = folderWith({ 'plan.okr': PLAN, 'a.csv': 'kpi;month;value\nPlasterRate;2026-02;1\n' });
        const run = runOkr(['import', 'a.csv'], root);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('no column name, period in the header');
        expect(runOkr(['import', 'a.csv'], root, { LANG: 'ru_RU.UTF-8' }).stderr).toContain('в заголовке нет столбца name, period');
        expect(runOkr(['import', 'missing.csv'], root).status).toBe(2);
    });

    it('keeps an existing cause on an empty cause cell, and never writes a file that does not parse', () => {
        const plan = PLAN.replace('actual 2026-01 28 //', 'actual 2026-01 28 cause "known" //');
        const root = folderWith({ 'plan.okr': plan, 'broken.okr': 'kpi Broken { actual }\n', 'a.csv': 'name,period,value,cause\nPlasterRate,2026-01,29,\n' });
        expect(runOkr(['import', 'a.csv'], root).stdout).toContain('updated plan.okr:24');
        expect(read(root)).toContain('actual 2026-01 29 cause "known" // from the site log');
        const broken = folderWith({ 'broken.okr': 'kpi Broken { target }\n', 'b.csv': 'name,period,value\nBroken,2026-01,1\n' });
        const run = runOkr(['import', 'b.csv'], broken);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('broken.okr has syntax errors');
        expect(read(broken, 'broken.okr')).toBe('kpi Broken { target }\n');
    });

    it('--dry-run prints the unified diff and the summary, and writes nothing', () => {
        const root = folderWith({ 'plan.okr': PLAN, 'actuals.csv': RUSSIAN_CSV });
        const run = runOkr(['import', 'actuals.csv', '--dry-run'], root);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('--- a/plan.okr\n+++ b/plan.okr\n@@ -8,6 +8,8 @@');
        expect(run.stdout).toContain('     actual 2026-01 9\n+    actual 2026-02 8\n+    actual 2026-03 10\n   }\n');
        expect(run.stdout).toContain('+  actual 2026-03 31.25\n');
        expect(run.stdout).toMatch(/\nwould have: 4 added, 0 updated, 1 unchanged in 1 files\n$/);
        expect(read(root)).toBe(PLAN);
    });

    it('leaves every file old or new when killed between two files', async () => {
        const files = { 'a.okr': 'kpi A {\n  target 1\n}\n', 'b.okr': 'kpi B {\n  target 2\n}\n', 'c.okr': 'kpi C {}\n' };
        const csv = 'name,period,value\nA,2026-01,1\nB,2026-01,2\nC,2026-01,3\n';
        const root = folderWith({ ...files, 'rows.csv': csv });
        const expected = mkdtempSync(path.join(tmpdir(), 'okr-expected-'));
        cpSync(root, expected, { recursive: true });
        expect(runOkr(['import', 'rows.csv'], expected).status).toBe(0);
        const newText = (file: string) => read(expected, file);
        expect(newText('a.okr')).not.toBe(files['a.okr']);

        const child = spawn(process.execPath, [OKR_BIN, 'import', 'rows.csv'], { cwd: root, env: { PATH: process.env.PATH ?? '', OKR_TEST_PAUSE_BETWEEN_FILES: '60000' } });
        const exited = new Promise<NodeJS.Signals | null>(resolve => child.on('exit', (_code, signal) => resolve(signal)));
        const deadline = Date.now() + 60_000;
        while (read(root, 'a.okr') === files['a.okr'] && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');

        expect(read(root, 'a.okr')).toBe(newText('a.okr'));
        for (const file of Object.keys(files) as Array<keyof typeof files>) {
            expect([files[file], newText(file)], file).toContain(read(root, file));
        }
        expect(read(root, 'b.okr')).toBe(files['b.okr']);
        expect(readdirSync(root).sort()).toEqual(['a.okr', 'b.okr', 'c.okr', 'rows.csv']);
        // The next import finishes the job.
        expect(runOkr(['import', 'rows.csv'], root).stdout).toMatch(/\n2 added, 0 updated, 1 unchanged in 2 files\n$/);
        for (const file of Object.keys(files)) expect(read(root, file)).toBe(newText(file));
    }, 120_000);
});
