/**
 * Typing against the real server over stdio (issue 11): ten changes sent within 100 ms get at
 * most two publications of the edited file's diagnostics, and the last of them is that of the
 * final text (a later change after a pause, with the same figures, publishes the same).
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { startServer, type LspSession } from './lsp-client.js';

const EXAMPLE = fileURLToPath(new URL('../examples/plastering/plastering.okr', import.meta.url));
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('typing into the language server', () => {
    let session: LspSession | undefined;
    afterAll(async () => {
        await session?.close();
    });

    it('publishes at most twice for ten changes within 100 ms, the last for the final text', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-typing-'));
        const file = path.join(folder, 'plastering.okr');
        copyFileSync(EXAMPLE, file);
        const text = readFileSync(file, 'utf8');
        expect(text).toMatch(/target 10 house per month/);
        const uri = pathToFileURL(file).toString();
        session = await startServer(folder);
        session.open(uri, text);
        await session.diagnostics(uri);
        await sleep(300);
        const before = session.publications(uri).length;
        let version = 1;
        for (let houses = 11; houses <= 20; houses++) {
            const changed = text.replace('target 10 house per month', `target ${houses} house per month`);
            void session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text: changed }] });
            await sleep(9);
        }
        // Settle: no publication for a while.
        let count = -1;
        while (count !== session.publications(uri).length) {
            count = session.publications(uri).length;
            await sleep(400);
        }
        const burst = session.publications(uri).slice(before);
        expect(burst.length).toBeGreaterThanOrEqual(1);
        expect(burst.length).toBeLessThanOrEqual(2);
        // The same figures after a quiet moment (a comment added) publish what the burst published last.
        const final = text.replace('target 10 house per month', 'target 20 house per month');
        void session.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text: `${final}// reviewed\n` }] });
        const settled = await session.diagnostics(uri, true);
        const messages = (diagnostics: { message: string; code?: unknown }[]) => diagnostics.map(d => `${String(d.code)} ${d.message}`);
        expect(messages(burst.at(-1)!)).toEqual(messages(settled));
        // And it is not the text before the burst.
        expect(messages(settled)).not.toEqual(messages(session.publications(uri)[before - 1]));
    }, 60_000);
});
