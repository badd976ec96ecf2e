/** The README's tour stays true: its plan gives exactly the output it shows. */
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
});
