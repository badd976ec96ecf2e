/** The README's tour stays true: its plan gives exactly the output it shows. */
import { readFileSync } from 'node:fs';
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
});
