/** The language server over Node: stdio (`okr-language-server --stdio`) or IPC (the VS Code extension). */
import '../groupby-shim.mjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createOkrServices } from './okr-module.js';
import { configureServer } from './lsp/server-setup.js';
import { GitRevisionPlans } from './git/revision-plans.js';

const connection = createConnection(ProposedFeatures.all);
// The last net under the per-document and per-request guards: whatever escapes is logged, and the
// server keeps serving (an editor must never lose its language server to one bad keystroke).
process.on('unhandledRejection', reason => connection.console.error(`OKR Plan: unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`));
process.on('uncaughtException', error => connection.console.error(`OKR Plan: uncaught exception: ${error.stack ?? error.message}`));
const { shared, Okr } = createOkrServices({ connection, ...NodeFileSystem });
configureServer(shared, Okr, new GitRevisionPlans());
startLanguageServer(shared);
