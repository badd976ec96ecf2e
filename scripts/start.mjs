// `npm start`: the main job, run on the examples after the build: check the plans, then
// print the KPIs derived from them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const okr = fileURLToPath(new URL('../packages/cli/bin/okr.js', import.meta.url));

let failed = false;
for (const args of [['check', 'examples'], ['kpis', 'examples']]) {
    process.stdout.write(`\n$ okr ${args.join(' ')}\n`);
    const run = spawnSync(process.execPath, [okr, ...args], { cwd: root, stdio: 'inherit' });
    failed ||= run.status !== 0;
}
process.exitCode = failed ? 1 : 0;
