/** `okr checkin` (spec §11), spawned as a user would: where the line goes, updates, refusals. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { folderWith, runOkr } from './run-cli.js';
import { PLAN } from './checkin-plan.js';
import { main } from '../src/main.js';


const read = (root: string, file = 'plan.okr') => readFileSync(path.join(root, file), 'utf8');

describe('okr checkin', () => {
    it('adds the actual as the last clause and changes nothing else', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        const run = runOkr(['checkin', 'PlasterRate', '2026-02', '27', '--cause', 'two on "sick" leave'], root);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('added plan.okr:25\n');
        expect(read(root)).toBe(PLAN.replace('// from the site log\n', '// from the site log\n  actual 2026-02 27 cause "two on \\"sick\\" leave"\n'));
    });

    it('records on a key result by Objective.KeyResult, giving a declaration without a block one', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        expect(runOkr(['checkin', 'Deliver.Houses', '2026-02', '8'], root).stdout).toBe('added plan.okr:11\n');
        expect(runOkr(['checkin', 'Deliver.Brand', '2026-q1', '1'], root).stdout).toBe('added plan.okr:14\n');
        expect(read(root)).toBe(PLAN
            .replace('    actual 2026-01 9\n', '    actual 2026-01 9\n    actual 2026-02 8\n')
            .replace('keyresult Brand "Be known"\n', 'keyresult Brand "Be known" {\n    actual 2026-Q1 1\n  }\n'));
    });

    it('updates the actual of the same period, then reports it unchanged', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        const updated = runOkr(['checkin', 'PlasterRate', '2026-01', '25,5'], root);
        expect(updated.stdout).toBe('updated plan.okr:24\n');
        expect(read(root)).toBe(PLAN.replace('actual 2026-01 28 //', 'actual 2026-01 25.5 //'));
        const again = runOkr(['checkin', 'PlasterRate', '2026-01', '25.50'], root);
        expect(again.stdout).toBe('unchanged plan.okr:24\n');
        expect(runOkr(['checkin', 'PlasterRate', '2026-01', '1e3', '--cause', ''], root).stdout).toBe('updated plan.okr:24\n');
        expect(read(root)).toContain('  actual 2026-01 1000 cause "" // from the site log\n');
    });

    it('exits 2 on an unknown name, suggesting the nearest names, and writes nothing', () => {
        const root = folderWith({ 'plan.okr': PLAN });
        const run = runOkr(['checkin', 'plasterrate', '2026-02', '27'], root);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("'plasterrate'");
        expect(run.stderr).toContain('nearest: PlasterRate');
        const keyResult = runOkr(['checkin', 'Houses', '2026-02', '8'], root);
        expect(keyResult.stderr).toContain('Deliver.Houses');
        expect(read(root)).toBe(PLAN);
    });

    it('exits 2 on an invalid period or value, in English and in Russian', async () => {
        const root = folderWith({ 'plan.okr': PLAN });
        // In-process (the same `main` the bin runs): refusals come before the plan is even loaded.
        for (const [period, value] of [['2026-13', '1'], ['2026-W54', '1'], ['March', '1'], ['2026-02', '-1'], ['2026-02', '10%'], ['2026-02', '1..2'], ['2026-02', 'many']]) {
            let stderr = '';
            const status = await main(['checkin', 'PlasterRate', period, value], { LANG: 'C.UTF-8' }, { write: () => true }, { write: (text: string) => (stderr += text) }, root);
            expect(status, `${period} ${value}`).toBe(2);
            expect(stderr).toMatch(/^okr: '.+' is not a (period|value)/);
            expect(stderr).not.toMatch(/NaN|undefined|\n\s+at /);
        }
        const russian = runOkr(['checkin', 'PlasterRate', '2026-02-30', '1'], root, { LANG: 'ru_RU.UTF-8' });
        expect(russian.stderr).toContain('не период');
        expect(runOkr(['checkin', 'Nope', '2026-02', '1'], root, { LANG: 'ru_RU.UTF-8' }).stderr).toContain('в плане нет');
        expect(read(root)).toBe(PLAN);
    });

    it('leaves a file with syntax errors byte for byte untouched (exit 2), while other files may have errors', () => {
        const broken = 'kpi Broken {\n  actual 2026-01\n  target 3\n}\r\n\t// odd  bytes\n';
        const root = folderWith({ 'broken.okr': broken, 'plan.okr': PLAN, 'invalid.okr': 'team Idle { headcount 0 }\n' });
        const run = runOkr(['checkin', 'Broken', '2026-02', '1'], root);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('broken.okr has syntax errors');
        expect(readFileSync(path.join(root, 'broken.okr'))).toEqual(Buffer.from(broken));
        // invalid.okr has a validation error, not a syntax error: recording in plan.okr still works.
        expect(runOkr(['checkin', 'PlasterRate', '2026-02', '27'], root).status).toBe(0);
    });

    it('keeps a byte order mark and CRLF line breaks', () => {
        const crlf = '\uFEFF' + PLAN.replace(/\n/g, '\r\n');
        const root = folderWith({ 'plan.okr': crlf });
        expect(runOkr(['checkin', 'PlasterRate', '2026-02', '27'], root).status).toBe(0);
        expect(read(root)).toBe(crlf.replace('log\r\n', 'log\r\n  actual 2026-02 27\r\n'));
    });

    it('looks only under the given paths, and keeps options anywhere', () => {
        const root = folderWith({ 'plans/plan.okr': PLAN, 'other/other.okr': 'kpi Other {}\n' });
        expect(runOkr(['checkin', '--cause', 'x', 'Other', '2026-01', '1', 'plans'], root).status).toBe(2);
        expect(runOkr(['checkin', 'Other', '2026-01', '1', 'other', '--cause=x'], root).stdout).toBe('added other/other.okr:2\n');
        expect(read(root, 'other/other.okr')).toBe('kpi Other {\n  actual 2026-01 1 cause "x"\n}\n');
    });
});
