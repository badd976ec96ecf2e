#!/usr/bin/env node
// End-to-end tests of the OKR Plan extension in a real VS Code (code-server), driven in
// Debian's Chromium by playwright-core. Usage:
//
//   npm run test:e2e                      prepare, package the .vsix, run every scenario
//   node test/e2e/run.mjs --skip-package  reuse okr-plan.vsix as it is
//   node test/e2e/run.mjs hover preview   run only the scenarios whose names contain these words
//
// Environment: E2E_VSIX=path (a .vsix to use instead of packaging), E2E_KEEP=1 (keep the
// temporary workspaces), E2E_HEADED is not supported (no display here).
//
// Each scenario gets its own code-server (fresh user-data and extensions folders, a fresh
// copy of examples/ as its workspace, a loopback port) and its own browser page. Screenshots
// go to test-results/e2e/, timings to test-results/e2e-timings.json. The last line printed
// is "N passed, M failed"; the exit code is non-zero when a scenario failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepare, ROOT } from '../../scripts/e2e/prepare.mjs';
import { startCodeServer } from '../../scripts/e2e/code-server.mjs';
import { launchBrowser } from './lib/browser.mjs';
import { Workbench, waitFor } from './lib/workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(ROOT, 'test-results');
const SHOTS = path.join(RESULTS, 'e2e');
const EXAMPLES = path.join(ROOT, 'examples');
const DEFAULT_VSIX = path.join(ROOT, 'okr-plan.vsix');
const SCENARIO_TIMEOUT_MS = 150_000;
const VSIX_LIMIT_BYTES = 3_000_000;
const RUN_BUDGET_MS = 15 * 60_000;

const argv = process.argv.slice(2);
const skipPackage = argv.includes('--skip-package') || process.env.E2E_SKIP_PACKAGE === '1';
const filters = argv.filter((a) => !a.startsWith('--'));

const runStarted = Date.now();
const secs = (ms) => Math.round(ms) / 1000;
const log = (msg) => console.log(`[e2e] ${msg}`);

// ---------- cleanup, even on failure ----------

const live = { servers: new Set(), browser: undefined, tempDirs: new Set() };

function cleanupNow() {
  for (const s of live.servers) s.killNow();
  live.servers.clear();
  if (!process.env.E2E_KEEP) for (const d of live.tempDirs) rmSync(d, { recursive: true, force: true });
}
process.on('exit', cleanupNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`[e2e] ${sig}: stopping code-server and exiting`);
    cleanupNow();
    process.exit(130);
  });
}

function withTimeout(promise, ms, what) {
  let t;
  return Promise.race([
    promise.finally(() => clearTimeout(t)),
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]);
}

// ---------- the .vsix ----------

function rootScripts() {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  } catch {
    return {};
  }
}

function packageVsix() {
  if (process.env.E2E_VSIX) {
    const p = path.resolve(process.env.E2E_VSIX);
    if (!existsSync(p)) throw new Error(`E2E_VSIX=${p} does not exist`);
    log(`using E2E_VSIX=${p}`);
    return p;
  }
  if (skipPackage) {
    log(`--skip-package: using ${path.relative(ROOT, DEFAULT_VSIX)} as it is`);
  } else if (rootScripts().package) {
    log('npm run package (builds and packages the extension)');
    const t = Date.now();
    const r = spawnSync('npm', ['run', 'package'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 6 * 60_000 });
    if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status ?? r.signal})`);
    log(`packaged in ${secs(Date.now() - t)} s`);
  } else {
    log('the root package.json has no "package" script yet: using the okr-plan.vsix that is there');
  }
  if (!existsSync(DEFAULT_VSIX)) throw new Error(`${DEFAULT_VSIX} is missing: nothing to install`);
  const st = statSync(DEFAULT_VSIX);
  log(`extension: ${path.relative(ROOT, DEFAULT_VSIX)} (${Math.round(st.size / 1024)} KiB, ${st.mtime.toISOString()})`);
  // One .vsix for the desktop and the web, its bundles minified: it stays under 3 MB.
  if (st.size >= VSIX_LIMIT_BYTES) throw new Error(`${path.relative(ROOT, DEFAULT_VSIX)} is ${(st.size / 1e6).toFixed(2)} MB; it must stay under 3 MB`);
  return DEFAULT_VSIX;
}

// ---------- scenarios ----------

async function loadScenarios() {
  const dir = path.join(HERE, 'scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const out = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(dir, f)).href);
    const s = mod.default;
    s.name ??= f.replace(/\.mjs$/, '');
    out.push(s);
  }
  return filters.length ? out.filter((s) => filters.some((w) => s.name.includes(w))) : out;
}

async function openWorkbench(browser, cs, workspace, scenarioName) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${String(e).slice(0, 300)}`));
  page.on('response', (r) => {
    if (r.status() >= 400) consoleErrors.push(`HTTP ${r.status()} ${r.url().slice(0, 200)}`);
  });
  const t = Date.now();
  await page.goto(cs.workbenchUrl, { timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  // The status bar and the explorer tell that the workbench is laid out and the folder is open.
  await page.locator('#status\\.problems, .statusbar').first().waitFor({ timeout: 30_000 });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 30_000 }).catch(() => {});
  const workbenchMs = Date.now() - t;
  const wb = new Workbench(page, { workspace, resultsDir: SHOTS, scenario: scenarioName });
  return { context, page, wb, workbenchMs, consoleErrors };
}

async function runScenario(browser, scenario, vsix) {
  const timings = {};
  const started = Date.now();
  const base = mkdtempSync(path.join(os.tmpdir(), `okr-e2e-${scenario.name}-`));
  live.tempDirs.add(base);
  const workspace = path.join(base, 'workspace');
  cpSync(EXAMPLES, workspace, { recursive: true });

  let cs;
  let session;
  const notes = [];
  const result = { name: scenario.name, title: scenario.title, ok: false, timings, notes, screenshots: [] };

  const start = async (opts = {}) => {
    const t = Date.now();
    cs = await startCodeServer({ baseDir: path.join(base, `cs${live.servers.size}-${Date.now()}`), workspace, vsix, ...opts });
    live.servers.add(cs);
    timings.codeServerReadyMs ??= Date.now() - t;
    session = await openWorkbench(browser, cs, workspace, scenario.name);
    timings.workbenchReadyMs ??= session.workbenchMs;
    return session;
  };
  const stop = async () => {
    if (session) await session.context.close().catch(() => {});
    session = undefined;
    if (cs) {
      await cs.stop();
      live.servers.delete(cs);
    }
  };

  try {
    await start(scenario.codeServer ?? {});
    const ctx = {
      get wb() {
        return session.wb;
      },
      get page() {
        return session.page;
      },
      workspace,
      mark(name, ms) {
        timings[name] = Math.round(ms);
      },
      note(text) {
        notes.push(text);
        log(`  ${scenario.name}: ${text}`);
      },
      /** Restarts code-server (same workspace, new user-data) with other options, and reopens the workbench. */
      async restart(opts) {
        await stop();
        await start(opts);
      },
      waitFor,
    };
    await withTimeout(scenario.run(ctx), SCENARIO_TIMEOUT_MS, `scenario ${scenario.name}`);
    result.ok = true;
    await session.wb.screenshot('end').catch(() => {});
  } catch (e) {
    result.error = e?.message ?? String(e);
    if (session) {
      await session.wb.screenshot('failure').catch(() => {});
      await session.wb.dumpDom('failure').catch(() => {});
    }
    if (cs) result.codeServerLogTail = cs.log().slice(-1500);
  } finally {
    if (session) {
      result.screenshots = session.wb.shots.map((f) => path.relative(ROOT, f));
      // Errors the page logged, and HTTP errors (their URL; Chromium's own line for them is left out).
      // Known noise of code-server here: vsda is not shipped; the gallery is off on purpose.
      const noise = /^Failed to load resource|\/vsda\/|No extension gallery service configured/;
      const errs = session.consoleErrors.filter((e) => !noise.test(e));
      if (errs.length) result.consoleErrors = errs.slice(-20);
    }
    await stop().catch(() => {});
    if (!process.env.E2E_KEEP) {
      rmSync(base, { recursive: true, force: true });
      live.tempDirs.delete(base);
    }
  }
  timings.totalMs = Date.now() - started;
  return result;
}

// ---------- main ----------

async function main() {
  const timings = {};
  let t = Date.now();
  const prepared = await prepare();
  timings.prepareMs = Date.now() - t;

  t = Date.now();
  const vsix = packageVsix();
  timings.packageMs = Date.now() - t;

  const scenarios = await loadScenarios();
  if (!scenarios.length) throw new Error(`no scenario matches ${filters.join(' ')}`);
  // Fresh screenshots for the scenarios that run (those of others stay).
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) {
    if (scenarios.some((s) => f.startsWith(`${s.name}-`))) rmSync(path.join(SHOTS, f), { force: true });
  }

  t = Date.now();
  const browser = await launchBrowser();
  live.browser = browser;
  timings.browserLaunchMs = Date.now() - t;

  const results = [];
  try {
    for (const s of scenarios) {
      const left = RUN_BUDGET_MS - (Date.now() - runStarted);
      if (left < 30_000) {
        results.push({ name: s.name, title: s.title, ok: false, error: 'not run: the 15-minute budget is spent', timings: {} });
        continue;
      }
      log(`▶ ${s.name}: ${s.title}`);
      const r = await runScenario(browser, s, vsix);
      results.push(r);
      log(`${r.ok ? '✔' : '✘'} ${s.name} (${secs(r.timings.totalMs)} s)${r.ok ? '' : `\n    ${r.error}`}`);
      for (const [k, v] of Object.entries(r.timings)) if (k !== 'totalMs') log(`    ${k}: ${v} ms`);
    }
  } finally {
    await browser.close().catch(() => {});
  }

  timings.totalMs = Date.now() - runStarted;
  const pick = (key) => results.map((r) => r.timings?.[key]).filter((v) => typeof v === 'number');
  const summary = {
    at: new Date().toISOString(),
    versions: { node: prepared.node, codeServer: prepared.codeServer, playwright: prepared.playwright, chromium: '/usr/bin/chromium' },
    vsix: path.relative(ROOT, vsix),
    run: timings,
    workbenchReadyMs: pick('workbenchReadyMs'),
    firstDiagnosticsMs: pick('firstDiagnosticsMs'),
    previewShownMs: pick('previewShownMs'),
    previewUpdateMs: pick('previewUpdateMs'),
    scenarios: results,
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'e2e-timings.json'), JSON.stringify(summary, null, 2) + '\n');

  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log('');
  console.log('e2e timings (ms):');
  console.log(`  prepare ${timings.prepareMs}, package ${timings.packageMs}, browser ${timings.browserLaunchMs}, whole run ${timings.totalMs}`);
  console.log(`  workbench ready: ${summary.workbenchReadyMs.join(', ')}`);
  console.log(`  first diagnostics: ${summary.firstDiagnosticsMs.join(', ') || '-'}`);
  console.log(`  preview shown: ${summary.previewShownMs.join(', ') || '-'}; preview updated after an edit: ${summary.previewUpdateMs.join(', ') || '-'}`);
  console.log(`  written to ${path.relative(ROOT, path.join(RESULTS, 'e2e-timings.json'))}; screenshots in ${path.relative(ROOT, SHOTS)}/`);
  for (const r of results) {
    console.log(`  ${r.ok ? 'PASS' : 'FAIL'} ${r.name}${r.ok ? '' : ` — ${r.error.split('\n')[0]}`}`);
    for (const n of r.notes ?? []) console.log(`       note: ${n}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main()
  .then((code) => {
    cleanupNow();
    process.exit(code);
  })
  .catch((e) => {
    console.error(`[e2e] ${e?.stack ?? e}`);
    cleanupNow();
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
