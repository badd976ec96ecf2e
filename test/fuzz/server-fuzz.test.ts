/**
 * The real language server over stdio, driven with random edits and requests (issue 9): after
 * hundreds of half-typed and mangled versions of every plan, each followed by hovers, inlay
 * hints, code actions, completion and formatting, the process is still running and still
 * answers. OKR_FUZZ_RUNS scales the number of edits (npm run test:fuzz: thousands).
 */
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DocumentFormattingRequest, HoverRequest, InlayHintRequest
} from 'vscode-languageserver-protocol/node';
import { startServer, type LspSession } from '../lsp-client.js';
import { FORBIDDEN, FUZZ_RUNS, FUZZ_SEED, mutated, PLANS, prefix } from './plans.js';

const EDITS = Math.max(100, Math.round(FUZZ_RUNS * 0.3));

describe('okr-language-server --stdio under random edits', () => {
    let session: LspSession;
    const folder = mkdtempSync(path.join(tmpdir(), 'okr-fuzz-'));
    const uri = pathToFileURL(path.join(folder, 'plan.okr')).toString();

    beforeAll(async () => {
        session = await startServer(folder);
        session.open(uri, PLANS[0]);
        await session.diagnostics(uri);
    }, 60_000);

    afterAll(async () => {
        await session?.close();
    });

    it(`stays up and answers after ${EDITS} edits with requests in between`, async () => {
        const texts = fc.sample(fc.oneof(prefix, mutated), { seed: FUZZ_SEED, numRuns: EDITS });
        const { connection } = session;
        const everything = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
        for (const [index, text] of texts.entries()) {
            void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: index + 2 }, contentChanges: [{ text }] });
            // Every few edits, ask what an editor asks while typing, without waiting for the build.
            if (index % 5 !== 0) continue;
            const line = index % Math.max(1, text.split('\n').length);
            const position = { line, character: 4 };
            const answers = await Promise.all([
                connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }),
                connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: everything }),
                connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: everything, context: { diagnostics: [] } }),
                connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }),
                connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })
            ]);
            const shown = JSON.stringify(answers);
            expect(FORBIDDEN.test(shown), shown.slice(0, 400)).toBe(false);
            expect(session.exited(), session.log()).toBeNull();
        }
        // Back to a whole plan: fresh diagnostics and a hover still come.
        void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: texts.length + 2 }, contentChanges: [{ text: PLANS[0] }] });
        const diagnostics = await session.diagnostics(uri, true);
        expect(diagnostics.every(d => !FORBIDDEN.test(d.message))).toBe(true);
        expect(session.exited(), session.log()).toBeNull();
        expect(session.log()).not.toMatch(/internal error|unhandled|uncaught/i);
    }, 600_000);
});
