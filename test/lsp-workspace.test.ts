/**
 * Opening a folder lists the whole plan's findings (issue 11): the server's first build validates
 * every .okr file, so the Problems panel shows what `okr check` shows without opening any file.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type LspSession } from './lsp-client.js';

const EXAMPLE = fileURLToPath(new URL('../examples/plastering/plastering.okr', import.meta.url));

describe('a folder opened in the editor', () => {
    let session: LspSession | undefined;

    afterAll(async () => {
        await session?.close();
    });

    it('publishes the diagnostics of files that are not open', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-folder-'));
        mkdirSync(path.join(folder, 'plans'));
        copyFileSync(EXAMPLE, path.join(folder, 'plans', 'plastering.okr'));
        writeFileSync(path.join(folder, 'plans', 'team.okr'), 'team Painters { headcount 2 }\n');
        session = await startServer(folder);
        const [plastering, team] = await Promise.all([
            session.diagnostics(pathToFileURL(path.join(folder, 'plans', 'plastering.okr')).toString()),
            session.diagnostics(pathToFileURL(path.join(folder, 'plans', 'team.okr')).toString())
        ]);
        expect(plastering.map(d => d.code).sort()).toEqual(['key-result-projected-short', 'kpi-behind-plan']);
        expect(team.map(d => d.code)).toEqual(['unused-team']);
    }, 60_000);

    it('reports work-done progress for the first build, begun and ended on the token it created', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-folder-'));
        for (let i = 0; i < 30; i++) writeFileSync(path.join(folder, `team-${i}.okr`), `team Team${i} { headcount 2 }\n`);
        const progressSession = await startServer(folder);
        try {
            await progressSession.progressEnded();
            const events = progressSession.progress();
            const [token] = progressSession.createdProgressTokens();
            expect(token).toBeDefined();
            expect(events.every(event => event.token === token)).toBe(true);
            expect(events[0].value).toMatchObject({ kind: 'begin', title: 'OKR Plan' });
            expect(events[0].value.message).toMatch(/^analysing \d+ of 30 files$/);
            expect(events.at(-1)!.value.kind).toBe('end');
            expect(events.filter(event => event.value.kind === 'end')).toHaveLength(1);
            for (const event of events.filter(event => event.value.kind === 'report')) expect(event.value.message).toMatch(/^analysing \d+ of 30 files$/);
        } finally {
            await progressSession.close();
        }
    }, 60_000);

    it('ends the progress of an empty folder too', async () => {
        const emptySession = await startServer(mkdtempSync(path.join(tmpdir(), 'okr-empty-')));
        try {
            await emptySession.progressEnded();
            expect(emptySession.progress().map(event => event.value.kind)).toEqual(['begin', 'end']);
            expect(emptySession.progress()[0].value.message).toBe('analysing 0 of 0 files');
        } finally {
            await emptySession.close();
        }
    }, 60_000);
});
