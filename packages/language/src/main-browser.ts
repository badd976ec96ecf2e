/**
 * The language server in a web worker, for the web extension (vscode.dev, github.dev,
 * code-server's web worker host). It has no file system: it reads the workspace through the
 * editor (`okr/workspace/…` requests), so the whole plan is loaded as on the desktop.
 */
import '../groupby-shim.mjs';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createOkrServices } from './okr-module.js';
import { configureServer } from './lsp/server-setup.js';
import { ClientFileSystemProvider } from './workspace/client-file-system.js';

// The worker's global scope; typed through the reader so the DOM library is not needed.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const messageReader = new BrowserMessageReader(self);
const messageWriter = new BrowserMessageWriter(self);
const connection = createConnection(messageReader, messageWriter);
// As in main.ts: a rejection nobody handled is logged, not fatal.
(self as unknown as { addEventListener(type: string, listener: (event: { reason?: unknown; preventDefault(): void }) => void): void }).addEventListener('unhandledrejection', event => {
    event.preventDefault();
    connection.console.error(`OKR Plan: unhandled rejection: ${event.reason instanceof Error ? event.reason.stack : String(event.reason)}`);
});
const fileSystem = new ClientFileSystemProvider((method, params) => connection.sendRequest(method, params));
const { shared, Okr } = createOkrServices({ connection, fileSystemProvider: () => fileSystem });
configureServer(shared, Okr);
startLanguageServer(shared);
