// `npm run bench`: bare Langium (the generated grammar, Langium's default services only) and OKR
// Plan side by side on generated plans with cross-file teams and key results.
//   npm run bench                       # 100 and 1,000 files
//   npm run bench -- 100 1000 3000      # any sizes (files); 3,000 takes several minutes
//   npm run bench -- --edits 200        # edits before the second heap figure (default 1000)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generatePlan } from './generate-plan.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const args = process.argv.slice(2);
const editsAt = args.indexOf('--edits');
const edits = editsAt >= 0 ? Number(args[editsAt + 1]) : 1000;
const sizes = args.filter((arg, i) => /^\d+$/.test(arg) && i !== editsAt + 1).map(Number);
const work = mkdtempSync(path.join(tmpdir(), 'okr-bench-'));

console.log(`OKR Plan bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
const rows = [];
for (const size of sizes.length > 0 ? sizes : [100, 1000]) {
    const dir = path.join(work, `plan-${size}`);
    // Per ten processes a goals and a teams file, plus units.okr: processes ≈ files / 1.2.
    const { files, kpis } = generatePlan(dir, { processes: Math.max(1, Math.round((size - 1) / 1.2)), kpisPerStage: 3, crossFile: true });
    process.stderr.write(`${files} files, ${kpis} KPIs: measuring…\n`);
    const bare = measure('bare', dir);
    const okr = measure('okr', dir);
    const bareCheck = wholeProcess([path.join(here, 'bare-check.mjs'), dir]);
    const okrCheck = wholeProcess([path.join(root, 'packages/cli/bin/okr.js'), 'check', dir, '--format', 'json']);
    rows.push({ files, lines: okr.lines, bare, okr, bareCheck, okrCheck });
}
rmSync(work, { recursive: true, force: true });

for (const { files, lines, bare, okr, bareCheck, okrCheck } of rows) {
    console.log(`\n${files} files, ${lines} lines (${okr.edits} edits)`);
    const table = [
        ['cold build with validation', ms(bare.coldBuild), ms(okr.coldBuild), ratio(okr.coldBuild, bare.coldBuild)],
        ['one edit to fresh diagnostics (median of 20)', ms(bare.edit), ms(okr.edit), ratio(okr.edit, bare.edit)],
        ['hover on a KPI (median of 20)', ms(bare.hover), ms(okr.hover), ratio(okr.hover, bare.hover)],
        ['inlay hints for 100 lines (median of 20)', bare.inlay === undefined ? 'none' : ms(bare.inlay), ms(okr.inlay), '–'],
        ['heap after 10 edits', mb(bare.heapAfter10), mb(okr.heapAfter10), ratio(okr.heapAfter10, bare.heapAfter10)],
        [`heap after ${okr.edits} edits`, mb(bare.heapAfterAll), mb(okr.heapAfterAll), ratio(okr.heapAfterAll, bare.heapAfterAll)],
        ['check as a whole process: wall (median of 3)', ms(bareCheck.wall), ms(okrCheck.wall), ratio(okrCheck.wall, bareCheck.wall)],
        ['check as a whole process: peak memory', `${Math.round(bareCheck.peakKb / 1024)} MB`, `${Math.round(okrCheck.peakKb / 1024)} MB`, ratio(okrCheck.peakKb, bareCheck.peakKb)]
    ];
    printTable(['what', 'bare Langium', 'OKR Plan', 'OKR/bare'], table);
    console.log(`edit / cold build (OKR): ${(100 * okr.edit / okr.coldBuild).toFixed(1)} %; heap growth 10 → ${okr.edits} edits (OKR): ${(100 * (okr.heapAfterAll / okr.heapAfter10 - 1)).toFixed(1)} %`);
}

function measure(kind, dir) {
    const run = spawnSync(process.execPath, ['--expose-gc', path.join(here, 'measure.mjs'), kind, dir, String(edits)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (run.status !== 0) throw new Error(`${kind} measurement failed:\n${run.stderr}`);
    return JSON.parse(run.stdout.trim().split('\n').pop());
}

function wholeProcess(argv) {
    const walls = [];
    const peaks = [];
    const peakFile = path.join(work, 'peak');
    for (let i = 0; i < 3; i++) {
        const begin = performance.now();
        const run = spawnSync(process.execPath, ['--import', path.join(here, 'peak-memory.mjs'), ...argv], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, BENCH_PEAK_FILE: peakFile } });
        walls.push(performance.now() - begin);
        if (run.status !== 0 && run.status !== 1) throw new Error(`${argv.join(' ')} failed:\n${run.stderr}`);
        peaks.push(Number(readFileSync(peakFile, 'utf8')));
    }
    return { wall: median(walls), peakKb: median(peaks) };
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}
function ms(value) {
    return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}
function mb(bytes) {
    return `${(bytes / 1048576).toFixed(1)} MB`;
}
function ratio(a, b) {
    return b > 0 ? `${(a / b).toFixed(2)}×` : '–';
}
function printTable(header, body) {
    const widths = header.map((cell, i) => Math.max(cell.length, ...body.map(row => row[i].length)));
    const line = row => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
    console.log(line(header));
    console.log(`| ${widths.map(width => '-'.repeat(width)).join(' | ')} |`);
    for (const row of body) console.log(line(row));
}
