/** The README's tour stays true: its plan gives exactly the output it shows. */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderWith, runOkr } from '../packages/cli/test/run-cli.js';

const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

describe('README', () => {
    it('shows what `okr kpis` prints for its five-minute plan', () => {
        const plan = README.match(/```okr\n([\s\S]*?)```/)![1];
        const shown = README.slice(README.indexOf('```okr')).match(/\n```\n(KPI[\s\S]*?)```/)![1];
        const run = runOkr(['kpis'], folderWith({ 'plan.okr': plan }));
        expect(run.stdout).toBe(shown);
    });
    it('starts with the two commands a new user needs', () => {
        const firstScreen = README.split('\n').slice(0, 20).join('\n');
        expect(firstScreen).toContain('npm ci && npm start');
        expect(firstScreen).toContain('npm test');
    });

    it('imports the Russian-locale CSV of its check-in section as shown, and a second import changes nothing', () => {
        const csv = README.match(/```csv\n([\s\S]*?)```/)![1];
        const shown = README.match(/```diff\n([\s\S]*?)```/)![1];
        const root = folderWith({ 'actuals.csv': csv });
        cpSync(fileURLToPath(new URL('../examples', import.meta.url)), path.join(root, 'examples'), { recursive: true });
        const dryRun = runOkr(['import', 'actuals.csv', 'examples', '--dry-run'], root);
        expect(dryRun.stdout).toBe(shown);
        const first = runOkr(['import', 'actuals.csv', 'examples'], root);
        expect(first.stdout).toMatch(/\n6 added, 0 updated, 6 unchanged in 2 files\n$/);
        expect(README).toContain('ends `6 added, 0 updated, 6 unchanged in 2 files`');
        const second = runOkr(['import', 'actuals.csv', 'examples'], root);
        expect(second.stdout).toMatch(/\n0 added, 0 updated, 12 unchanged in 0 files\n$/);
        writeFileSync(path.join(root, 'bad.csv'), csv.replace('PlasterRate;2026-03;31,5;', 'PlasterRate;2026-03;31,5 m²;'));
        const before = readFileSync(path.join(root, 'examples/plastering/plastering.okr'), 'utf8');
        const bad = runOkr(['import', 'bad.csv', 'examples'], root);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain("bad.csv:7: '31,5 m²' is not a value");
        expect(readFileSync(path.join(root, 'examples/plastering/plastering.okr'), 'utf8')).toBe(before);
    });

    it("runs its pull-request recipe's okr commands: a changed conversion rate becomes one comment with the marker", () => {
        const recipe = README.slice(README.indexOf('# .github/workflows/okr-diff.yml')).split('```')[0];
        const commands = [...recipe.matchAll(/- run: npx okr (diff [^>#\n]*?)\s*(?:>\s*(\S+))?\s*(?:#.*)?$/gm)].map(match => ({ args: match[1].trim().split(/\s+/), output: match[2] }));
        expect(commands.map(command => command.args.join(' '))).toEqual(['diff origin/main --format markdown', 'diff origin/main --fail-on errors']);
        const root = folderWith({});
        cpSync(fileURLToPath(new URL('../examples', import.meta.url)), path.join(root, 'examples'), { recursive: true });
        const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
        git('init', '-q', '-b', 'main');
        git('add', '.');
        git('commit', '-q', '-m', 'the plan');
        git('update-ref', 'refs/remotes/origin/main', 'HEAD'); // what checkout with fetch-depth 0 leaves
        const funnel = path.join(root, 'examples/sales-funnel/sales-funnel.okr');
        writeFileSync(funnel, readFileSync(funnel, 'utf8').replace('conversion 25%..30%', 'conversion 20%..30%'));

        const comment = runOkr(commands[0].args, root);
        expect(comment.status).toBe(0);
        expect(comment.stdout.startsWith('<!-- okr-diff -->\n')).toBe(true); // what the script's startsWith finds
        expect(comment.stdout).toMatch(/\n\d+ KPIs change, \d+ stages change[,.]/);
        expect(comment.stdout).toMatch(/\| Sales\.Meetings \| changed \| .* → .* \| \+\d/);
        expect(comment.stdout).toContain('Unchanged: ');
        expect(commands[0].output).toBe('okr-diff.md');
        expect(runOkr(commands[1].args, root).status).toBe(0);
        // A change that adds an error fails the second step.
        writeFileSync(funnel, readFileSync(funnel, 'utf8').replace('conversion 20%..30%', 'conversion 0%..30%'));
        expect(runOkr(commands[1].args, root).status).toBe(1);
    });

    it("runs its code-scanning recipe's okr command: SARIF 2.1.0 for the examples", () => {
        const step = README.match(/- run: npx okr (check \S+ --format sarif) > (\S+) \|\| true/)!;
        expect(step[2]).toBe('okr.sarif');
        const args = step[1].split(' ');
        const root = folderWith({});
        cpSync(fileURLToPath(new URL('../examples', import.meta.url)), path.join(root, args[1]), { recursive: true });
        const run = runOkr(args, root);
        const sarif = JSON.parse(run.stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].results.length).toBeGreaterThan(0);
        expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(new RegExp(`^${args[1]}/`));
    });
});
