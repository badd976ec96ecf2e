// Bundles the extension: the client for Node (extension host, CommonJS) and for the web worker
// extension host (VS Code for the Web), the language server for Node (IPC, CommonJS) and for a
// web worker, plus the preview's script and style and the TextMate grammar. The browser bundles
// must not pull in a Node built-in: the build fails if one does. `--production` minifies. Source maps are written beside the bundles; the .vsix
// leaves them out (.vscodeignore) to stay small.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const common = { bundle: true, minify: production, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
// VS Code's extension host runs Node 22, code-server Node 24; the bundles target Node 20 to be safe.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };
// VS Code for the Web loads the `browser` entry as CommonJS in a web worker.
const browser = { ...common, platform: 'browser', target: 'es2022', metafile: true };

/** Fails the build when a browser bundle would need Node (a `node:` import or a Node-only module). */
function assertNoNode(result, bundle) {
    const nodeOnly = Object.keys(result.metafile.inputs).filter(input => /^node:|vscode-(languageserver|languageclient|jsonrpc)\/lib\/node\//.test(input));
    if (nodeOnly.length) throw new Error(`${bundle} needs Node modules: ${nodeOnly.join(', ')}`);
}

await Promise.all([
    build({ ...node, entryPoints: [here('./src/extension.ts')], outfile: here('./dist/extension.cjs') }),
    build({ ...node, entryPoints: [here('../language/src/main.ts')], outfile: here('./dist/server.cjs') }),
    build({ ...browser, format: 'cjs', external: ['vscode'], entryPoints: [here('./src/extension-browser.ts')], outfile: here('./dist/extension-browser.cjs') })
        .then(result => assertNoNode(result, 'dist/extension-browser.cjs')),
    build({ ...browser, format: 'iife', entryPoints: [here('../language/src/main-browser.ts')], outfile: here('./dist/server-browser.js') })
        .then(result => assertNoNode(result, 'dist/server-browser.js'))
]);

mkdirSync(here('./media'), { recursive: true });
mkdirSync(here('./syntaxes'), { recursive: true });
copyFileSync(here('../preview/media/preview.js'), here('./media/preview.js'));
copyFileSync(here('../preview/media/preview.css'), here('./media/preview.css'));
copyFileSync(here('../../syntaxes/okr.tmLanguage.json'), here('./syntaxes/okr.tmLanguage.json'));
