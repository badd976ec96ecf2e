/** Nothing checked is not a pass (issue 10, spec v2 §6), and every file named is read (issue 10). */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderWith, runOkr } from './run-cli.js';

const PLASTERING = readFileSync(new URL('../../../examples/plastering/plastering.okr', import.meta.url), 'utf8');

describe('a folder without plans', () => {
    for (const command of [['check'], ['kpis'], ['preview', '-o', 'tree.html']]) {
        it(`okr ${command[0]} exits 2 and says where it looked (English and Russian)`, () => {
            const folder = folderWith({ 'empty/README.md': '# not a plan\n' });
            const en = runOkr([...command, 'empty'], folder);
            expect(en.status).toBe(2);
            expect(en.stderr).toMatch(/^okr: no \.okr file found under 'empty' .*name the folder of the plan or the file itself\n$/);
            expect(en.stdout).toBe('');
            const ru = runOkr([...command, 'empty'], folder, { LANG: 'ru_RU.UTF-8' });
            expect(ru.status).toBe(2);
            expect(ru.stderr).toMatch(/^okr: в 'empty' нет ни одного файла \.okr/);
        });
    }
});

describe('a file named on the command line', () => {
    it('is read whatever its extension, and UP.OKR is found in a folder', () => {
        const folder = folderWith({ 'notes.txt': PLASTERING, 'plans/UP.OKR': PLASTERING.replace(/PlasterRate/g, 'UpperRate').replace(/Plasterers/g, 'Crew').replace(/Construction/g, 'Build').replace(/Deliver/g, 'Hand').replace(/unit (house|m2)[^\n]*\n/g, '') });
        const named = runOkr(['kpis', 'notes.txt', '--format', 'json'], folder);
        expect(named.status).toBe(0);
        expect(JSON.parse(named.stdout).kpis[0]).toMatchObject({ name: 'PlasterRate', file: 'notes.txt' });
        const found = runOkr(['kpis', 'plans', 'notes.txt', '--format', 'json'], folder);
        expect(JSON.parse(found.stdout).kpis.map((kpi: { file: string }) => kpi.file).sort()).toEqual(['notes.txt', 'plans/UP.OKR']);
    });
});

describe('SARIF for a file outside the current folder', () => {
    it('uses an absolute file: URI instead of a ../ path code scanning cannot map', () => {
        const outside = folderWith({ 'plan.okr': PLASTERING.replace('target 10 house', 'target 10 m2') });
        const here = folderWith({ 'plans/plan.okr': PLASTERING.replace('target 10 house', 'target 10 m2') });
        const run = runOkr(['check', path.join(outside, 'plan.okr'), 'plans', '--format', 'sarif'], here);
        const locations = JSON.parse(run.stdout).runs[0].results.map((result: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) => result.locations[0].physicalLocation.artifactLocation);
        expect(locations).toContainEqual({ uri: `file://${path.join(outside, 'plan.okr')}` });
        expect(locations).toContainEqual({ uri: 'plans/plan.okr', uriBaseId: '%SRCROOT%' });
    });
});

describe('okr kpis on a plan with errors', () => {
    it('says which error blocks each —, and carries the codes in JSON', () => {
        const folder = folderWith({ 'plan.okr': PLASTERING.replace('target 10 house', 'target 10 m2') });
        const text = runOkr(['kpis'], folder);
        expect(text.status).toBe(1);
        expect(text.stdout).toMatch(/PlasterRate +Construction\.Plastering +— \(blocked by unit-mismatch plan\.okr:17\)/);
        const ru = runOkr(['kpis'], folder, { LANG: 'ru_RU.UTF-8' });
        expect(ru.stdout).toContain('— (мешает unit-mismatch plan.okr:17)');
        const json = JSON.parse(runOkr(['kpis', '--format', 'json'], folder).stdout);
        expect(json.kpis[0]).toMatchObject({ value: null, blockedBy: ['unit-mismatch'] });
        expect(json.stages[0]).toMatchObject({ value: null, blockedBy: ['unit-mismatch'] });
        const clean = JSON.parse(runOkr(['kpis', '--format', 'json'], folderWith({ 'plan.okr': PLASTERING })).stdout);
        expect(clean.kpis[0]).not.toHaveProperty('blockedBy');
    });
});
