// `npm start` (after `npm run build`): the main job. It checks the example plans and prints the
// KPIs derived from them, packages the VS Code extension, and opens examples/ in VS Code with
// the extension installed: the desktop `code` when it is on the PATH, otherwise a local
// code-server (VS Code in the browser) on a loopback port, whose URL it prints.
// `npm start -- --no-editor` (or CI=true) stops after the figures and the package.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const okr = path.join(root, 'packages/cli/bin/okr.js');
const examples = path.join(root, 'examples');
const vsix = path.join(root, 'okr-plan.vsix');
const withEditor = !process.argv.includes('--no-editor') && !process.env.CI;

function run(command, args, options = {}) {
    return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

for (const args of [['check', 'examples'], ['kpis', 'examples']]) {
    process.stdout.write(`\n$ okr ${args.join(' ')}\n`);
    run(process.execPath, [okr, ...args]);
}

process.stdout.write('\n$ npm run package -w packages/extension\n');
if (run('npm', ['run', 'package', '-w', 'packages/extension', '--silent']).status !== 0) {
    console.error('Packaging the extension failed; see above.');
    process.exit(1);
}
console.log(`Packaged ${path.relative(root, vsix)}: install it with  code --install-extension okr-plan.vsix`);
if (!withEditor) process.exit(0);

if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
    run('code', ['--install-extension', vsix, '--force']);
    run('code', [examples]);
    console.log('Opened examples/ in VS Code with OKR Plan installed.');
    process.exit(0);
}

// No desktop VS Code: VS Code in the browser (code-server), prepared from the npm registry.
console.log('\nNo `code` on the PATH: starting VS Code in the browser (code-server) instead.');
const { prepare } = await import('./e2e/prepare.mjs');
const { startCodeServer } = await import('./e2e/code-server.mjs');
try {
    await prepare();
} catch (error) {
    console.error(`Could not prepare code-server: ${error.message}\nThe figures above and okr-plan.vsix are ready; install the .vsix into any VS Code.`);
    process.exit(1);
}
const baseDir = path.join(root, '.cache', 'start');
mkdirSync(baseDir, { recursive: true });
const server = await startCodeServer({ baseDir, workspace: examples, vsix, port: Number(process.env.PORT) || undefined });
console.log(`\nOKR Plan is running in VS Code at\n\n    ${server.workbenchUrl}\n\nOpen it in a browser on this machine. Press Ctrl+C to stop.`);
const stop = async () => {
    await server.stop();
    process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
process.on('exit', () => server.killNow());
setInterval(() => {}, 1 << 30);
