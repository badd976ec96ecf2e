/** A minimal LSP client over stdio, driving the real `okr-language-server --stdio` the way an editor does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    createProtocolConnection,
    InitializeRequest,
    InitializedNotification,
    PublishDiagnosticsNotification,
    StreamMessageReader,
    StreamMessageWriter,
    DidOpenTextDocumentNotification,
    type Diagnostic,
    type ProtocolConnection
} from 'vscode-languageserver-protocol/node';

/** The server to drive: the workspace build by default, or another (e.g. the extension's bundle) via OKR_SERVER. */
export const SERVER_BIN = process.env.OKR_SERVER ?? fileURLToPath(new URL('../packages/language/bin/server.js', import.meta.url));

export interface LspSession {
    connection: ProtocolConnection;
    /** Resolves with the next diagnostics published for a URI (or the current ones if already published and `fresh` is false). */
    diagnostics(uri: string, fresh?: boolean): Promise<Diagnostic[]>;
    open(uri: string, text: string): void;
    /** Every diagnostics publication for a URI so far, oldest first. */
    publications(uri: string): Diagnostic[][];
    close(): Promise<void>;
    /** The server's exit code or signal once it has exited; null while it runs. */
    exited(): number | string | null;
    /** Work-done progress the server reported ($/progress values, in order), and the tokens it created. */
    progress(): { token: string | number; value: { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number } }[];
    createdProgressTokens(): (string | number)[];
    /** Resolves once a progress has ended (at once if one already has). */
    progressEnded(): Promise<void>;
    /** What the server wrote to stderr and its log (window/logMessage), for failure reports. */
    log(): string;
}

export async function startServer(workspaceFolder: string, locale = 'en', settings: Record<string, unknown> = {}): Promise<LspSession> {
    const child: ChildProcess = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const published = new Map<string, Diagnostic[]>();
    const history = new Map<string, Diagnostic[][]>();
    let exit: number | string | null = null;
    child.on('exit', (code, signal) => (exit = code ?? signal ?? 'exited'));
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    connection.onNotification('window/logMessage', (params: { message: string }) => (log += `${params.message}\n`));
    const waiting = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.set(params.uri, params.diagnostics);
        history.set(params.uri, [...(history.get(params.uri) ?? []), params.diagnostics]);
        for (const resolve of waiting.get(params.uri) ?? []) resolve(params.diagnostics);
        waiting.delete(params.uri);
    });
    // The server asks for settings; answer with the test's.
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
        params.items.map(item => (item.section === 'okr' ? settings : {}))
    );
    connection.onRequest('client/registerCapability', () => null);
    const progress: ReturnType<LspSession['progress']> = [];
    const createdTokens: (string | number)[] = [];
    let ended: (() => void)[] = [];
    connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
        createdTokens.push(params.token);
        return null;
    });
    connection.onNotification('$/progress', (params: ReturnType<LspSession['progress']>[number]) => {
        progress.push(params);
        if (params.value.kind === 'end') {
            for (const resolve of ended) resolve();
            ended = [];
        }
    });
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.listen();
    const rootUri = pathToFileURL(workspaceFolder).toString();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        locale,
        workspaceFolders: [{ uri: rootUri, name: 'plans' }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, inlayHint: { refreshSupport: false } },
            window: { workDoneProgress: true },
            textDocument: {
                hover: { contentFormat: ['markdown', 'plaintext'] },
                inlayHint: { dynamicRegistration: false },
                codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true },
                publishDiagnostics: { relatedInformation: false }
            }
        }
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return {
        connection,
        diagnostics: (uri, fresh = false) =>
            !fresh && published.has(uri)
                ? Promise.resolve(published.get(uri)!)
                : new Promise(resolve => waiting.set(uri, [...(waiting.get(uri) ?? []), resolve])),
        open: (uri, text) => {
            void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'okr', version: 1, text } });
        },
        publications: uri => history.get(uri) ?? [],
        progress: () => progress,
        createdProgressTokens: () => createdTokens,
        progressEnded: () => (progress.some(event => event.value.kind === 'end') ? Promise.resolve() : new Promise(resolve => ended.push(resolve))),
        exited: () => exit,
        log: () => log,
        close: async () => {
            try {
                await connection.sendRequest('shutdown');
                await connection.sendNotification('exit');
            } finally {
                connection.dispose();
                child.kill();
            }
        }
    };
}
