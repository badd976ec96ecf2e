/**
 * The preview's "compare with" a git revision (issue 14): the Node server reads the plan at the
 * revision with git, compares it with the workspace's as `okr diff REV` does, and marks every
 * figure that moved; a folder outside a repository or an unknown revision gets a worded answer.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTree } from '../packages/preview/src/render.js';
import type { KpiTree, KpiView, StageView } from '../packages/preview/src/tree.js';
import { KpiTreeRequest } from '../packages/language/src/lsp/kpi-tree-protocol.js';
import { Messages } from '../packages/language/src/i18n/messages.js';
import { startServer, type LspSession } from './lsp-client.js';

const SALES = fileURLToPath(new URL('../examples/sales-funnel/sales-funnel.okr', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('../examples/sales-funnel/scenarios.okr', import.meta.url));

function git(folder: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8' }).trim();
}

function stagesOf(tree: KpiTree): StageView[] {
    return tree.objectives.flatMap(objective => objective.keyResults.flatMap(keyResult => keyResult.processes.flatMap(process => process.stages)));
}

function kpi(tree: KpiTree, name: string): KpiView {
    return stagesOf(tree).flatMap(stage => stage.kpis).find(candidate => candidate.name === name)!;
}

describe('the preview compared with a git revision', () => {
    let repository: string;
    let session: LspSession;
    let committed: string;

    beforeAll(async () => {
        repository = mkdtempSync(path.join(tmpdir(), 'okr-compare-git-'));
        git(repository, 'init', '-q', '-b', 'main');
        copyFileSync(SALES, path.join(repository, 'sales-funnel.okr'));
        copyFileSync(SCENARIOS, path.join(repository, 'scenarios.okr'));
        git(repository, 'add', '.');
        git(repository, 'commit', '-q', '-m', 'The sales plan');
        committed = git(repository, 'rev-parse', '--short=7', 'HEAD');
        // The working tree's change: deals convert from 20–30% of meetings instead of 25–30%.
        const plan = path.join(repository, 'sales-funnel.okr');
        writeFileSync(plan, readFileSync(plan, 'utf8').replace('conversion 25%..30%', 'conversion 20%..30%'));
        session = await startServer(repository);
    }, 60_000);

    afterAll(async () => {
        await session?.close();
    });

    it('marks every figure the changed conversion moves with its figure at HEAD and the change', async () => {
        const tree = (await session.connection.sendRequest(KpiTreeRequest, { compareWith: 'HEAD' }))!;
        expect(tree.compare).toMatchObject({ available: true, revision: 'HEAD', commit: committed, failed: false });
        expect(tree.compare!.note).toBe(`Compared with HEAD (${committed}): 2 KPIs and 2 stages moved`);
        expect(tree.words.planFigure).toBe('at HEAD');
        const [deals, meetings, calls] = stagesOf(tree);
        // 20 deals/month at 27.5% → 72.7 meetings at HEAD; at 25% → 80 (+10%); calls follow at 11%.
        expect(deals.change).toBeUndefined();
        expect(meetings).toMatchObject({ requirement: '80 meetings/month', change: { before: '72.7 meetings/month', delta: '+10%' } });
        expect(calls).toMatchObject({ requirement: '727 calls/month', change: { before: '661 calls/month', delta: '+10%' } });
        expect(kpi(tree, 'MeetingsPerExecutive').change?.delta).toBe('+10%');
        expect(kpi(tree, 'CallsPerRep').change?.delta).toBe('+10%');
        expect(kpi(tree, 'DealsPerMonth').change).toBeUndefined();
        expect(tree.compare!.suggestions.slice(0, 3)).toEqual(['HEAD', 'HEAD~1', 'main']);
        // The preview only formats: the figure, then the one at the revision and the change, the node marked.
        const outline = renderTree(tree);
        expect(outline).toContain('<span class="okr-figure">80 meetings/month</span><span class="okr-change">at HEAD 72.7 meetings/month · +10%</span>');
        expect(outline.match(/okr-changed/g)?.length).toBe(4);
    }, 30_000);

    it('without compareWith draws the plan unmarked, the control offered', async () => {
        const tree = (await session.connection.sendRequest(KpiTreeRequest, {}))!;
        expect(tree.compare).toMatchObject({ available: true, revision: null, note: null });
        expect(stagesOf(tree).some(stage => stage.change !== undefined)).toBe(false);
    });

    it('wins over a scenario asked at the same time', async () => {
        const tree = (await session.connection.sendRequest(KpiTreeRequest, { compareWith: 'HEAD', scenario: 'SlowFunnel' }))!;
        expect(tree.scenario).toBeNull();
        expect(tree.compare?.revision).toBe('HEAD');
        expect(stagesOf(tree)[1].change?.before).toBe('72.7 meetings/month');
    });

    it('says so for a revision the repository does not have', async () => {
        const tree = (await session.connection.sendRequest(KpiTreeRequest, { compareWith: 'no-such-branch' }))!;
        expect(tree.compare).toMatchObject({ revision: 'no-such-branch', commit: null, failed: true });
        expect(tree.compare!.note).toMatch(/^Unknown git revision 'no-such-branch': name a commit, branch or tag/);
        expect(stagesOf(tree).some(stage => stage.change !== undefined)).toBe(false);
        // A revision that looks like an option is still only a revision.
        expect((await session.connection.sendRequest(KpiTreeRequest, { compareWith: '--output=x' }))!.compare?.failed).toBe(true);
    });

    it('reads HEAD again once it names a new commit', async () => {
        git(repository, 'commit', '-q', '-am', 'Deals convert from 20%');
        const tree = (await session.connection.sendRequest(KpiTreeRequest, { compareWith: 'HEAD' }))!;
        const now = git(repository, 'rev-parse', '--short=7', 'HEAD');
        expect(now).not.toBe(committed);
        expect(tree.compare?.note).toBe(`Compared with HEAD (${now}): no figure moved`);
        expect(stagesOf(tree).some(stage => stage.change !== undefined)).toBe(false);
        const previous = (await session.connection.sendRequest(KpiTreeRequest, { compareWith: 'HEAD~1' }))!;
        expect(previous.compare?.commit).toBe(committed);
        expect(stagesOf(previous)[1].change).toEqual({ before: '72.7 meetings/month', delta: '+10%' });
    }, 30_000);
});

describe('the preview compared with a git revision outside a repository', () => {
    let session: LspSession;

    afterAll(async () => {
        delete process.env.GIT_CEILING_DIRECTORIES;
        await session?.close();
    });

    it('says, in Russian for a Russian editor, that the folder is not in a repository', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-no-git-'));
        copyFileSync(SALES, path.join(folder, 'sales-funnel.okr'));
        // Keep git from finding a repository above the temporary folder.
        process.env.GIT_CEILING_DIRECTORIES = path.dirname(folder);
        session = await startServer(folder, 'ru');
        const tree = (await session.connection.sendRequest(KpiTreeRequest, { compareWith: 'HEAD' }))!;
        expect(tree.compare).toMatchObject({ available: true, revision: 'HEAD', commit: null, failed: true });
        expect(tree.compare!.note).toBe(`Не удалось сравнить с ревизией git: «${folder}» не внутри репозитория git. Откройте папку репозитория или отключите сравнение.`);
        expect(tree.compare!.words.label).toBe('Сравнить с');
        expect(tree.compare!.suggestions).toEqual(['HEAD', 'HEAD~1']);
    }, 60_000);
});

describe('the words of a comparison with a git revision', () => {
    it('count what moved, was added and removed, in English and Russian', () => {
        const messages = new Messages();
        const counts = { kpis: 1, stages: 5, added: 2, removed: 1 };
        expect(messages.compare.comparedWith('main', 'abc1234', counts)).toBe('Compared with main (abc1234): 1 KPI and 5 stages moved, 2 added, 1 removed');
        messages.language = 'ru';
        expect(messages.compare.comparedWith('main', 'abc1234', counts)).toBe('Сравнение с main (abc1234): изменились: 1 КПЭ и 5 этапов, добавлено: 2, удалено: 1');
        expect(messages.compare.comparedWith('HEAD', 'abc1234', { kpis: 0, stages: 2, added: 0, removed: 0 })).toBe('Сравнение с HEAD (abc1234): изменились: 2 этапа');
        expect(messages.compare.atRevision('HEAD~1')).toBe('в HEAD~1');
    });
});
