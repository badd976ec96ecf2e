/** The language server over Node: stdio (`okr-language-server --stdio`) or IPC (the VS Code extension). */
import '../groupby-shim.mjs';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createOkrServices } from './okr-module.js';
import { configureServer } from './lsp/server-setup.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Okr } = createOkrServices({ connection, ...NodeFileSystem });
configureServer(shared, Okr);
startLanguageServer(shared);
