/**
 * The OKR Plan extension in VS Code for the Web (vscode.dev, github.dev, code-server's web
 * worker host): the same client as extension.ts, with the language server in a web worker that
 * reads the workspace through the editor (workspace-files.ts). No Node API in this bundle.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateWith, deactivateClient } from './activation.js';
import { serveWorkspaceFiles } from './workspace-files.js';

// The web worker extension host's globals (the DOM library is not in this package's types).
declare class Worker {
    constructor(url: string, options?: { name?: string });
    terminate(): void;
}

const SERVER_NAME = 'OKR Plan language server';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    await activateWith(context, options => {
        const client = new LanguageClient('okr', 'OKR Plan', () => connectToServer(context), options);
        context.subscriptions.push(serveWorkspaceFiles(client));
        return client;
    });
}

export const deactivate = deactivateClient;

/**
 * The transports to the server's worker, built here rather than by the client from the Worker:
 * VS Code's web worker host replaces the `Worker` constructor, so the client's
 * `instanceof Worker` check fails on the worker it gets back.
 */
async function connectToServer(context: vscode.ExtensionContext): Promise<MessageTransports> {
    const worker = await startServerWorker(context);
    context.subscriptions.push({ dispose: () => worker.terminate() });
    const port = worker as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
}

/**
 * The server's worker. Where the extension is served over http(s) (vscode.dev, github.dev) the
 * bundle's URL is used. Elsewhere — code-server, whose extensions have `vscode-remote:` URIs —
 * VS Code refuses a worker from the extension's URI ("Creating workers from remote extensions is
 * currently not supported", VS Code issues 144235 and 168942), so the worker starts from a Blob
 * of the bundle's bytes, read through VS Code's file system.
 */
async function startServerWorker(context: vscode.ExtensionContext): Promise<Worker> {
    const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-browser.js');
    if (bundle.scheme === 'http' || bundle.scheme === 'https') return new Worker(bundle.toString(true), { name: SERVER_NAME });
    const bytes = await vscode.workspace.fs.readFile(bundle);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
    // The worker may load its script after this returns: the URL is revoked when the extension stops.
    context.subscriptions.push({ dispose: () => URL.revokeObjectURL(url) });
    return new Worker(url, { name: SERVER_NAME });
}
