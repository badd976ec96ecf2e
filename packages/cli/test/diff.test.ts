/** Spec §10 through the built CLI: `okr diff --from DIR` and `okr diff REV` in a real git repository. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, runOkr, runOkrInProcess } from './run-cli.js';
import { plasteringPlan } from '../../../test/fixtures/plastering.js';

const okr = runOkrInProcess;

const PLAN = plasteringPlan(35);

/** A folder with the old plan in old/ and the new one in new/. */
function sides(before: Record<string, string>, after: Record<string, string>): string {
    const files: Record<string, string> = {};
    for (const [name, text] of Object.entries(before)) files[`old/${name}`] = text;
    for (const [name, text] of Object.entries(after)) files[`new/${name}`] = text;
    return folderWith(files);
}

async function diffJson(cwd: string, args: string[]) {
    const run = await okr(['diff', ...args, '--format', 'json'], cwd);
    expect(run.stderr).toBe('');
    return { status: run.status, json: JSON.parse(run.stdout) };
}

describe('okr diff --from DIR (spec §10)', () => {
    it('lists the changed KPI and team with unrounded numbers, the diagnostics that went, and what is unchanged', async () => {
        const cwd = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN.replace('headcount 3', 'headcount 4') });
        const run = runOkr(['diff', '--from', 'old', 'new', '--format', 'json'], cwd);
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout);
        expect(json.base).toBe('old');
        expect(json.head).toBe('new');
        expect(json.kpis).toEqual([{
            name: 'PlasterRate',
            change: 'changed',
            before: { value: 2000 / 21 / 3, low: 2000 / 21 / 3, high: 2000 / 21 / 3, target: 35, unit: 'm2/person/day' },
            after: { value: 2000 / 21 / 4, low: 2000 / 21 / 4, high: 2000 / 21 / 4, target: 35, unit: 'm2/person/day' },
            delta: (2000 / 21 / 4 - 2000 / 21 / 3) / (2000 / 21 / 3)
        }]);
        expect(json.teams).toEqual([{ name: 'Plasterers', change: 'changed', before: { headcount: 3, availability: 1 }, after: { headcount: 4, availability: 1 } }]);
        expect(json.stages).toEqual([]);
        expect(json.keyResults).toEqual([]);
        expect(json.diagnostics).toEqual({ added: [], removed: [] });
        expect(json.unchanged).toEqual({ kpis: 0, stages: 2, keyResults: 1, teams: 0 });
    });

    it('matches declarations and diagnostics by name, not by file: moving a KPI to another file changes nothing', async () => {
        const [head, kpi] = [PLAN.slice(0, PLAN.indexOf('kpi PlasterRate')), PLAN.slice(PLAN.indexOf('kpi PlasterRate'))];
        const withWarning = (text: string) => text.replace('target 35', 'target 20');
        const cwd = sides({ 'plan.okr': withWarning(PLAN) }, { 'a.okr': head, 'sub/kpis.okr': withWarning(kpi) });
        const { status, json } = await diffJson(cwd, ['--from', 'old', 'new']);
        expect(status).toBe(0);
        expect(json).toMatchObject({ kpis: [], stages: [], keyResults: [], teams: [], diagnostics: { added: [], removed: [] }, unchanged: { kpis: 1, stages: 2, keyResults: 1, teams: 1 } });
        const text = await okr(['diff', '--from', 'old', 'new'], cwd);
        expect(text.stdout).toContain("No change to the plan's figures.");
    });

    it('writes each side\'s diagnostics relative to its own root, and a key result\'s delta on its target', async () => {
        const broken = PLAN.replace('target 10 house per month', 'target 12 house per month').replace('needs 200 m2 per house', 'needs 200 house per house');
        const cwd = sides({ 'plan.okr': PLAN.replace('target 35', 'target 20') }, { 'plan.okr': broken });
        const { status, json } = await diffJson(cwd, ['--from', 'old', 'new']);
        expect(status).toBe(0); // figures and new errors are reported, not failed on, without --fail-on
        expect(json.keyResults).toEqual([{ name: 'Deliver.Houses', change: 'changed', before: { target: 10, unit: 'house/month' }, after: { target: 12, unit: 'house/month' }, delta: expect.closeTo(0.2, 12) }]);
        const where = (list: { file: string; code: string }[]) => list.map(d => [d.file, d.code]);
        expect(where(json.diagnostics.added)).toEqual([['new/plan.okr', 'unit-mismatch']]);
        expect(where(json.diagnostics.removed)).toEqual([['plan.okr', 'kpi-target-below-plan']]);
        // The stage's figures now depend on an error: null, changed, no delta.
        expect(json.stages.find((s: { name: string }) => s.name === 'Construction.Plastering')).toMatchObject({ change: 'changed', after: { value: null }, delta: null });
    });

    it('matches a diagnostic outside any declaration by its file relative to each side\'s folder', async () => {
        const calendars = { 'a.okr': PLAN + 'calendar { workdays 21 per month }\n', 'b.okr': 'calendar { workdays 20 per month }\n' };
        const cwd = sides(calendars, calendars);
        const { json } = await diffJson(cwd, ['--from', 'old', 'new']);
        expect(json.diagnostics).toEqual({ added: [], removed: [] });
        const moved = sides(calendars, { 'a.okr': calendars['a.okr'], 'c.okr': calendars['b.okr'] });
        const where = (list: { file: string; code: string }[]) => list.map(d => [d.file, d.code]);
        const after = (await diffJson(moved, ['--from', 'old', 'new'])).json;
        expect(where(after.diagnostics.added)).toEqual([['new/c.okr', 'duplicate-calendar']]);
        expect(where(after.diagnostics.removed)).toEqual([['b.okr', 'duplicate-calendar']]);
    });

    it('adds and removes entries matched by name', async () => {
        const cwd = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN.replace('kpi PlasterRate', 'kpi WallRate') });
        const { json } = await diffJson(cwd, ['--from', 'old', 'new']);
        expect(json.kpis.map((k: { name: string; change: string; before: unknown; after: unknown }) => [k.name, k.change, k.before === null, k.after === null])).toEqual([
            ['WallRate', 'added', true, false],
            ['PlasterRate', 'removed', false, true]
        ]);
        // A --from folder with no plan is an empty old plan: everything is new.
        const empty = folderWith({ 'old/notes.txt': 'no plan here', 'new/plan.okr': PLAN });
        const fromNothing = (await diffJson(empty, ['--from', 'old', 'new'])).json;
        expect(fromNothing.kpis).toMatchObject([{ name: 'PlasterRate', change: 'added', before: null, delta: null }]);
        expect(fromNothing.teams).toEqual([{ name: 'Plasterers', change: 'added', before: null, after: { headcount: 3, availability: 1 } }]);
        expect(fromNothing.unchanged).toEqual({ kpis: 0, stages: 0, keyResults: 0, teams: 0 });
    });

    it('fails on what --fail-on names, strictly, and only then', async () => {
        const cwd = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN.replace('headcount 3', 'headcount 4') });
        // PlasterRate moves by exactly -25 %, with no new diagnostic.
        expect((await okr(['diff', '--from', 'old', 'new', '--fail-on', '20%'], cwd)).status).toBe(1);
        expect((await okr(['diff', '--from', 'old', 'new', '--fail-on', '25%'], cwd)).status).toBe(0);
        expect((await okr(['diff', '--from', 'old', 'new', '--fail-on', 'errors', '--fail-on', 'warnings'], cwd)).status).toBe(0);
        expect((await okr(['diff', '--from', 'old', 'new', '--fail-on=30%', '--fail-on', '10%'], cwd)).status).toBe(1);

        const warned = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN.replace('target 35', 'target 20') });
        expect((await okr(['diff', '--from', 'old', 'new', '--fail-on', 'errors'], warned)).status).toBe(0);
        expect((await okr(['diff', '--from', 'old', 'new', '--fail-on', 'warnings'], warned)).status).toBe(1);
        const errored = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN.replace('headcount 3', 'headcount 0') });
        expect((await okr(['diff', '--from', 'old', 'new', '--fail-on', 'errors'], errored)).status).toBe(1);
    });

    it('says what is wrong with the command line (exit 2)', async () => {
        const cwd = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN });
        const bad = await okr(['diff', '--from', 'old', 'new', '--fail-on', 'lots'], cwd);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain("--fail-on takes errors, warnings or a percentage such as 10%, not 'lots'");
        const missing = await okr(['diff', '--from', 'nowhere', 'new'], cwd);
        expect(missing.status).toBe(2);
        expect(missing.stderr).toContain("cannot read 'nowhere'");
        const none = await okr(['diff'], cwd);
        expect(none.status).toBe(2);
        expect(none.stderr).toContain('diff needs a git revision or --from DIR');
        expect((await okr(['diff', '--from', 'old', 'new', '--format', 'csv'], cwd)).status).toBe(2);
    });
});

describe('okr diff as a pull-request comment', () => {
    it('starts with the marker, says what changes in one sentence, and tables the figures before → after with Δ %', async () => {
        const cwd = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN.replace('headcount 3', 'headcount 4').replace('target 35', 'target 20') });
        const run = await okr(['diff', '--from', 'old', 'new', '--format', 'markdown'], cwd);
        expect(run.status).toBe(0);
        const lines = run.stdout.split('\n');
        expect(lines[0]).toBe('<!-- okr-diff -->');
        expect(run.stdout).toContain('1 KPI changes, 1 team changes, 1 new warning.');
        expect(run.stdout).toContain('| PlasterRate | changed | 31.7 m²/person/day, target 35 → 23.8 m²/person/day, target 20 | -25% |');
        expect(run.stdout).toContain('| Plasterers | changed | headcount 3, availability 100% → headcount 4, availability 100% |');
        expect(run.stdout).toMatch(/#### New diagnostics\n\n- new\/plan\.okr:\d+:\d+ warning: .*\[kpi-target-below-plan\]/);
        expect(run.stdout).toContain('Unchanged: 0 KPIs, 2 stages, 1 key result, 0 teams.');
    });

    it('says "No change to the plan\'s figures." when nothing changed, in Russian too', async () => {
        const cwd = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN });
        const run = await okr(['diff', '--from', 'old', 'new', '--format', 'markdown'], cwd);
        expect(run.stdout).toContain("No change to the plan's figures.");
        expect(run.stdout).not.toContain('####');
        const ru = await okr(['diff', '--from', 'old', 'new', '--format', 'markdown'], cwd, { LANG: 'ru_RU.UTF-8' });
        expect(ru.stdout).toContain('Цифры плана не меняются.');
        expect(ru.stdout).toContain('Без изменений: 1 КПЭ, 2 этапа, 1 ключевой результат, 1 команда.');
    });

    it('folds long lists into <details>', async () => {
        const many = Array.from({ length: 12 }, (_, i) => `kpi Extra${i} { of Construction.Handover per month }`).join('\n');
        const cwd = sides({ 'plan.okr': PLAN }, { 'plan.okr': PLAN + many });
        const run = await okr(['diff', '--from', 'old', 'new', '--format', 'markdown'], cwd);
        expect(run.stdout).toContain('<details><summary>KPIs (12)</summary>');
        expect(run.stdout).toContain('12 KPIs change.');
    });
});

function git(cwd: string, ...args: string[]): string {
    return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
}

describe('okr diff REV (spec §10)', () => {
    function repository(): string {
        const cwd = folderWith({ 'plan/plan.okr': PLAN, 'README.md': 'not a plan\n' });
        git(cwd, 'init', '-q');
        git(cwd, 'add', '.');
        git(cwd, 'commit', '-q', '-m', 'plan');
        return cwd;
    }

    it('compares the plan at the revision with the working tree, its diagnostics relative to the repository', async () => {
        const cwd = repository();
        writeFileSync(path.join(cwd, 'plan/plan.okr'), PLAN.replace('target 10 house', 'target 11 house').replace('target 35', 'target 20'));
        const { status, json } = await diffJson(cwd, ['HEAD']);
        expect(status).toBe(0);
        expect(json.base).toBe('HEAD');
        expect(json.head).toBe('working tree');
        expect(json.keyResults).toMatchObject([{ name: 'Deliver.Houses', before: { target: 10 }, after: { target: 11 } }]);
        expect(json.stages.map((s: { name: string; delta: number }) => [s.name, s.delta])).toEqual([['Construction.Plastering', expect.closeTo(0.1, 12)], ['Construction.Handover', expect.closeTo(0.1, 12)]]);
        expect(json.diagnostics.added).toMatchObject([{ file: 'plan/plan.okr', code: 'kpi-target-below-plan' }]);
        // From a sub-folder: the same plan, the working tree's files relative to it.
        const inside = (await diffJson(path.join(cwd, 'plan'), ['HEAD'])).json;
        expect(inside.diagnostics.added).toMatchObject([{ file: 'plan.okr', code: 'kpi-target-below-plan' }]);
        expect(inside.stages).toHaveLength(2);
    });

    it('reads paths that did not exist at the revision as an empty old plan', async () => {
        const cwd = repository();
        git(cwd, 'mv', 'plan', 'moved');
        const { json } = await diffJson(cwd, ['HEAD', 'moved']);
        expect(json.kpis).toMatchObject([{ name: 'PlasterRate', change: 'added', before: null }]);
        expect(json.unchanged).toEqual({ kpis: 0, stages: 0, keyResults: 0, teams: 0 });
        // The whole tree: moving the files changes nothing.
        expect((await diffJson(cwd, ['HEAD'])).json.unchanged).toEqual({ kpis: 1, stages: 2, keyResults: 1, teams: 1 });
    });

    it('refuses an unknown revision and a folder outside any repository (exit 2), in English and Russian', async () => {
        const cwd = repository();
        const unknown = await okr(['diff', 'no-such-branch'], cwd);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toContain("unknown git revision 'no-such-branch'");
        expect((await okr(['diff', 'no-such-branch'], cwd, { LANG: 'ru_RU.UTF-8' })).stderr).toContain('неизвестная ревизия git «no-such-branch»');
        const outside = folderWith({ 'plan.okr': PLAN });
        // A folder in the temporary directory is in no repository unless the temporary directory is.
        if (!isInRepository(tmpdir())) {
            const run = await okr(['diff', 'HEAD'], outside);
            expect(run.status).toBe(2);
            expect(run.stderr).toContain('is not inside a git repository');
            expect((await okr(['diff', 'HEAD'], outside, { LANG: 'ru_RU.UTF-8' })).stderr).toContain('не внутри репозитория git');
        }
        expect(readFileSync(path.join(cwd, 'plan/plan.okr'), 'utf8')).toBe(PLAN);
    });
});

function isInRepository(folder: string): boolean {
    try {
        git(folder, 'rev-parse', '--show-toplevel');
        return true;
    } catch {
        return false;
    }
}
