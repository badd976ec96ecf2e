/**
 * The language server as an editor sees it: spawned with --stdio and driven over LSP on the
 * domain page's plastering example (issue: hover with 31.7 and 32, an inlay hint with 31.7,
 * a deviation hint on an actual, working quick fixes, idempotent formatting).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, DidChangeConfigurationNotification, DocumentFormattingRequest, HoverRequest, InlayHintRequest, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol/node';
import { startServer, type LspSession } from './lsp-client.js';

const EXAMPLE = fileURLToPath(new URL('../examples/plastering/plastering.okr', import.meta.url));

function positionOf(text: string, needle: string, delta = 0) {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
}

function applyEdits(text: string, edits: TextEdit[]): string {
    const offset = (position: { line: number; character: number }) => {
        const lines = text.split('\n');
        return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
    };
    return [...edits]
        .sort((a, b) => offset(b.range.start) - offset(a.range.start))
        .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

describe('okr-language-server --stdio', () => {
    let session: LspSession;
    let uri: string;
    let text: string;

    beforeAll(async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-lsp-'));
        const file = path.join(folder, 'plastering.okr');
        copyFileSync(EXAMPLE, file);
        text = readFileSync(file, 'utf8');
        uri = pathToFileURL(file).toString();
        session = await startServer(folder);
        session.open(uri, text);
    }, 60_000);

    afterAll(async () => {
        await session?.close();
    });

    it('publishes diagnostics with the spec codes', async () => {
        const diagnostics = await session.diagnostics(uri);
        // Spec §8: the February pace of the plasterers projects the key result short of its target.
        expect(diagnostics.map(d => d.code)).toEqual(['kpi-behind-plan', 'key-result-projected-short']);
        expect(diagnostics.map(d => d.severity)).toEqual([3, 2]);
    });

    it('hovers the KPI with 31.7 and the target 32', async () => {
        await session.diagnostics(uri);
        const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'PlasterRate', 2) });
        const value = (hover?.contents as { value: string }).value;
        expect(value).toContain('31.7');
        expect(value).toContain('**32**');
        expect(value).toContain('÷ 21 working days');
    });

    it('gives an inlay hint with 31.7 on the KPI line and a deviation on each actual', async () => {
        await session.diagnostics(uri);
        const hints = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
        const kpiLine = positionOf(text, 'kpi PlasterRate').line;
        const labels = (hints ?? []).map(hint => `${hint.position.line}:${String(hint.label)}`);
        expect(labels).toContain(`${kpiLine}:≈ 31.7 m²/person/day`);
        expect(labels).toContain(`${positionOf(text, 'actual 2026-01 30.5').line}:-4.7% · on track`);
        expect(labels).toContain(`${positionOf(text, 'actual 2026-02 27').line}:-15.6% · at risk`);
    });

    it('turns inlay hint kinds off with the okr.inlayHints settings', async () => {
        await session.diagnostics(uri);
        await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { okr: { inlayHints: { kpis: false, stages: true, actuals: false } } } });
        const hints = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
        const labels = (hints ?? []).map(hint => String(hint.label));
        expect(labels).toEqual(['2000 m²/month · 31.7 m²/person/day', '10 houses/month']);
        await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { okr: { inlayHints: { kpis: true, stages: true, actuals: true } } } });
        const again = await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 999, character: 0 } } });
        expect((again ?? []).length).toBeGreaterThan(2);
    });

    it('offers working quick fixes for an actual behind plan', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-lsp-fix-'));
        const behind = text.replace(' cause "two plasterers on sick leave"', '');
        writeFileSync(path.join(folder, 'behind.okr'), behind);
        const fixing = await startServer(folder);
        try {
            const behindUri = pathToFileURL(path.join(folder, 'behind.okr')).toString();
            fixing.open(behindUri, behind);
            const diagnostics = await fixing.diagnostics(behindUri);
            const behindPlan = diagnostics.find(d => d.code === 'kpi-behind-plan' && d.severity === 2);
            expect(behindPlan).toBeDefined();
            const actions = (await fixing.connection.sendRequest(CodeActionRequest.type, {
                textDocument: { uri: behindUri },
                range: behindPlan!.range,
                context: { diagnostics: [behindPlan!] }
            })) as CodeAction[];
            const fix = (prefix: string) => {
                const action = actions.find(candidate => candidate.title.startsWith(prefix));
                expect(action, prefix).toBeDefined();
                return applyEdits(behind, action!.edit!.changes![behindUri]);
            };
            expect(fix('Add people')).toContain('headcount 4\n');
            expect(fix('Adjust the plan')).toContain('target 8.4 house per month');
            expect(fix('Analyse the causes')).toContain('actual 2026-02 27 cause ""');
        } finally {
            await fixing.close();
        }
    });

    it('formats messy text to the canonical form, idempotently', async () => {
        await session.diagnostics(uri);
        const options = { tabSize: 2, insertSpaces: true };
        const messyUri = uri.replace('plastering.okr', 'messy.okr');
        const messy = 'unit   widget\nprocess Widgets{stage Make{output widget}\n      stage Ship { output   widget\nneeds 1 widget per widget }}\n';
        session.open(messyUri, messy);
        await session.diagnostics(messyUri);
        const edits = (await session.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: messyUri }, options })) ?? [];
        expect(edits.length).toBeGreaterThan(0);
        const formatted = applyEdits(messy, edits);
        expect(formatted).toContain('\n  stage Make {\n    output widget\n  }\n');
        expect(formatted).toContain('    needs 1 widget per widget\n');
        const formattedUri = uri.replace('plastering.okr', 'formatted.okr');
        session.open(formattedUri, formatted.replace(/widget/g, 'gadget').replace(/Widgets/g, 'Gadgets'));
        await session.diagnostics(formattedUri);
        const second = (await session.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: formattedUri }, options })) ?? [];
        expect(second).toEqual([]);
    });

    it('answers in Russian to a Russian client', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'okr-lsp-ru-'));
        const file = path.join(folder, 'plan.okr');
        copyFileSync(EXAMPLE, file);
        const russian = await startServer(folder, 'ru');
        try {
            const ruUri = pathToFileURL(file).toString();
            russian.open(ruUri, readFileSync(file, 'utf8'));
            const diagnostics = await russian.diagnostics(ruUri);
            expect(diagnostics[0].message).toContain('факт 27');
        } finally {
            await russian.close();
        }
    });
});
