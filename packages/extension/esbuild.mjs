// Bundles the extension: the client (extension host, CommonJS), the language server for Node
// (IPC, CommonJS) and for a web worker, plus the preview's script and style and the TextMate
// grammar. `--production` minifies. Source maps are written beside the bundles; the .vsix
// leaves them out (.vscodeignore) to stay small.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const here = (path) => fileURLToPath(new URL(path, import.meta.url));

const common = { bundle: true, minify: production, sourcemap: true, logLevel: 'warning', legalComments: 'none' };
// VS Code's extension host runs Node 22, code-server Node 24; the bundles target Node 20 to be safe.
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] };

await Promise.all([
    build({ ...node, entryPoints: [here('./src/extension.ts')], outfile: here('./dist/extension.cjs') }),
    build({ ...node, entryPoints: [here('../language/src/main.ts')], outfile: here('./dist/server.cjs') }),
    build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [here('../language/src/main-browser.ts')], outfile: here('./dist/server-browser.js') })
]);

mkdirSync(here('./media'), { recursive: true });
mkdirSync(here('./syntaxes'), { recursive: true });
copyFileSync(here('../preview/media/preview.js'), here('./media/preview.js'));
copyFileSync(here('../preview/media/preview.css'), here('./media/preview.css'));
copyFileSync(here('../../syntaxes/okr.tmLanguage.json'), here('./syntaxes/okr.tmLanguage.json'));
