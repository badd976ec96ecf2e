/**
 * The web-worker language server (`main-browser.ts`): it bundles for a browser with no Node
 * built-ins; and the bundle, run in a worker whose only way out is its message port, checks an
 * open file (diagnostics, a hover with 31.7) and loads the whole plan through the
 * `okr/workspace/…` requests (the KPI tree holds the files never opened), as the desktop server
 * does from disk.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    AbstractMessageReader,
    AbstractMessageWriter,
    createProtocolConnection,
    DidOpenTextDocumentNotification,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    type DataCallback,
    type Diagnostic,
    type Message,
    type ProtocolConnection
} from 'vscode-languageserver-protocol/node';
import { KpiTreeRequest } from '../packages/language/src/lsp/kpi-tree-protocol.js';
import { WorkspaceReadDirectoryRequest, WorkspaceReadFileRequest, WorkspaceStatRequest } from '../packages/language/src/lsp/workspace-files-protocol.js';

const ENTRY = fileURLToPath(new URL('../packages/language/src/main-browser.ts', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url));

async function bundle() {
    return build({ entryPoints: [ENTRY], bundle: true, write: false, platform: 'browser', format: 'iife', logLevel: 'silent', metafile: true });
}

describe('main-browser.ts', () => {
    it('bundles for a web worker', async () => {
        const result = await bundle();
        expect(result.errors).toEqual([]);
        const inputs = Object.keys(result.metafile!.inputs);
        expect(inputs.some(input => input.includes('langium'))).toBe(true);
        expect(inputs.filter(input => /^node:|vscode-languageserver\/lib\/node\//.test(input))).toEqual([]);
    }, 60_000);
});

/** A worker's message port as an LSP transport: messages travel as objects, as between a browser worker and its page. */
class PortReader extends AbstractMessageReader {
    constructor(private readonly worker: Worker) {
        super();
    }
    listen(callback: DataCallback) {
        const listener = (message: Message) => callback(message);
        this.worker.on('message', listener);
        return { dispose: () => this.worker.off('message', listener) };
    }
}

class PortWriter extends AbstractMessageWriter {
    constructor(private readonly worker: Worker) {
        super();
    }
    async write(message: Message) {
        this.worker.postMessage(message);
    }
    end() {}
}

describe('the browser server bundle, reading the workspace through the client', () => {
    let worker: Worker;
    let connection: ProtocolConnection;
    const published = new Map<string, Diagnostic[]>();
    const requested: string[] = [];
    const rootUri = pathToFileURL(EXAMPLES).toString();
    const plasteringUri = pathToFileURL(`${EXAMPLES}/plastering/plastering.okr`).toString();
    const antiPatternsUri = pathToFileURL(`${EXAMPLES}/anti-patterns/anti-patterns.okr`).toString();
    let initializeMs = 0;

    beforeAll(async () => {
        const code = (await bundle()).outputFiles[0].text;
        // The worker sees a `self` that is only its port: no file system is reachable from the bundle's API.
        const started = Date.now();
        worker = new Worker(`const self = require('node:worker_threads').parentPort;\n${code}`, { eval: true });
        connection = createProtocolConnection(new PortReader(worker), new PortWriter(worker));
        const path = (uri: string) => fileURLToPath(uri);
        const entry = (uri: string) => {
            const stat = statSync(path(uri));
            return { uri, isFile: stat.isFile(), isDirectory: stat.isDirectory() };
        };
        connection.onRequest(WorkspaceStatRequest, ({ uri }) => (requested.push(`stat ${uri}`), entry(uri)));
        connection.onRequest(WorkspaceReadDirectoryRequest, ({ uri }) => {
            requested.push(`readDirectory ${uri}`);
            return readdirSync(path(uri)).map(name => entry(`${uri.replace(/\/$/, '')}/${encodeURIComponent(name)}`));
        });
        connection.onRequest(WorkspaceReadFileRequest, ({ uri }) => (requested.push(`readFile ${uri}`), readFileSync(path(uri), 'utf8')));
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
        connection.onRequest('client/registerCapability', () => null);
        connection.onNotification(PublishDiagnosticsNotification.type, params => published.set(params.uri, params.diagnostics));
        connection.listen();
        await connection.sendRequest(InitializeRequest.type, {
            processId: null,
            rootUri,
            locale: 'en',
            workspaceFolders: [{ uri: rootUri, name: 'examples' }],
            capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { hover: { contentFormat: ['markdown'] } } }
        });
        initializeMs = Date.now() - started;
        await connection.sendNotification(InitializedNotification.type, {});
    }, 60_000);

    afterAll(async () => {
        connection?.dispose();
        await worker?.terminate();
    });

    it('answers initialize from a fresh worker', () => {
        expect(initializeMs).toBeGreaterThan(0);
        expect(initializeMs).toBeLessThan(3_000);
    });

    it('checks an opened file, hovers the KPI with 31.7 and gives the preview its tree', async () => {
        const text = readFileSync(fileURLToPath(plasteringUri), 'utf8');
        void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: plasteringUri, languageId: 'okr', version: 1, text } });
        await expect.poll(() => published.get(plasteringUri), { timeout: 20_000 }).toBeDefined();
        const before = text.slice(0, text.indexOf('PlasterRate') + 2).split('\n');
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: plasteringUri }, position: { line: before.length - 1, character: before[before.length - 1].length } });
        expect((hover?.contents as { value: string }).value).toContain('31.7');
        expect(published.get(plasteringUri)?.map(d => d.code).sort()).toEqual(['key-result-projected-short', 'kpi-behind-plan']);
        const tree = await connection.sendRequest(KpiTreeRequest, {});
        expect(JSON.stringify(tree)).toContain('31.7 m²/person/day');
    });

    it('loads every file of the workspace through okr/workspace requests', async () => {
        // The tree spans the whole plan, files never opened included; with no file system it would hold the open file only.
        const tree = JSON.stringify(await connection.sendRequest(KpiTreeRequest, {}));
        for (const kpi of ['ReportsPerMonth', 'ArticlesPerExpert', 'PlasterRate', 'НормаШтукатура', 'CallsPerRep']) expect(tree).toContain(`"${kpi}"`);
        expect(requested).toContain(`readDirectory ${rootUri}`);
        expect(requested.filter(r => r.startsWith('readFile')).sort()).toEqual(
            ['anti-patterns/anti-patterns.okr', 'blog/blog.okr', 'plastering/plastering.okr', 'plastering/scenarios.okr', `quarter-ru/${encodeURIComponent('квартал')}.okr`, `russian/${encodeURIComponent('стройка')}.okr`, 'sales-funnel/sales-funnel.okr', 'sales-funnel/scenarios.okr'].map(file => `readFile ${rootUri}/${file}`)
        );
    });

    it('gives the preview the tree under a scenario its picker chose, each moved figure with the plan\'s beside it', async () => {
        const base = await connection.sendRequest(KpiTreeRequest, {});
        expect(base?.scenario).toBeNull();
        expect(base?.scenarios).toEqual([{ name: 'Hire', label: 'Hire two plasterers' }, { name: 'SlowFunnel', label: 'A slower funnel' }]);
        const tree = await connection.sendRequest(KpiTreeRequest, { scenario: 'Hire' });
        expect(tree?.scenario).toBe('Hire');
        const plastering = tree!.objectives.find(objective => objective.name === 'Deliver')!.keyResults[0].processes[0].stages[1];
        expect(plastering.change).toEqual({ before: '2000 m²/month', delta: '+8%' });
        expect(plastering.kpis[0]).toMatchObject({ figure: '20.6', target: '25', change: { before: '31.7 m²/person/day', delta: '-35.2%' } });
        // A name the plan has no scenario for gives the plan's tree.
        expect((await connection.sendRequest(KpiTreeRequest, { scenario: 'Nope' }))?.scenario).toBeNull();
    });

    it('cannot compare with a git revision, and says the desktop editor can', async () => {
        const plain = await connection.sendRequest(KpiTreeRequest, {});
        expect(plain?.compare).toMatchObject({ available: false, revision: null, note: null, suggestions: [] });
        const tree = await connection.sendRequest(KpiTreeRequest, { compareWith: 'HEAD' });
        expect(tree?.compare).toMatchObject({ available: false, revision: 'HEAD', commit: null, failed: true });
        expect(tree?.compare?.note).toMatch(/^Comparing with a git revision needs the desktop editor/);
        // The tree itself is the plan's, unmarked.
        expect(JSON.stringify(tree)).toContain('31.7 m²/person/day');
        expect(JSON.stringify(tree)).not.toContain('"change"');
    });
});
