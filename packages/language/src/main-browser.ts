/** The language server in a web worker, for a web extension. */
import '../groupby-shim.mjs';
import { EmptyFileSystem } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createOkrServices } from './okr-module.js';
import { configureServer } from './lsp/server-setup.js';

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
const { shared, Okr } = createOkrServices({ connection, ...EmptyFileSystem });
configureServer(shared, Okr);
startLanguageServer(shared);
