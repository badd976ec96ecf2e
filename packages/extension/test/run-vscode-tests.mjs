#!/usr/bin/env node
// Runs the extension-host test suite (test/suite/*.cjs: mocha inside VS Code's extension host,
// driving the extension through VS Code's API) in up to two hosts. Not part of `npm test`.
//
// 1. The desktop VS Code, with @vscode/test-electron:
//    - VSCODE_EXECUTABLE_PATH=/path/to/code uses that VS Code (its Electron executable), no download;
//    - otherwise it tries to download VS Code (VSCODE_VERSION, default "stable") into .cache/vscode-test,
//      giving up quickly (VSCODE_DOWNLOAD_TIMEOUT_MS, 20 s) when there is no network;
//    - when neither works it says why and counts the run as skipped.
// 2. code-server, when scripts/e2e/prepare.mjs has installed it into .cache/e2e (see code-server.mjs);
//    otherwise skipped, with the reason.
// Each run opens a fresh temporary copy of examples/ as its workspace. It prints one line per host
// (passed / failed / skipped); when every host was skipped it ends with
// "extension-host tests skipped: no VS Code available" and exits 0: a skip is not a pass.
// It exits 1 when a run failed.
//
// Usage (in packages/extension): npm run test:vscode [-- --desktop | -- --code-server]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { locateCodeServer, runInCodeServer } from './code-server.mjs';

const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = path.resolve(EXTENSION, '..', '..');
const SUITE = path.join(EXTENSION, 'test', 'suite', 'index.cjs');
const CACHE = path.join(ROOT, '.cache', 'vscode-test');
/** How long finding and starting the download may take before we call VS Code unavailable. */
const RESOLVE_TIMEOUT_MS = Number(process.env.VSCODE_DOWNLOAD_TIMEOUT_MS ?? 20_000);

const log = (message) => console.log(`[test:vscode] ${message}`);

/** `{ executable }`: the Electron executable of a desktop VS Code; or `{ reason }` why there is none. */
async function findVSCode() {
  const given = process.env.VSCODE_EXECUTABLE_PATH;
  if (given) {
    if (!existsSync(given)) {
      console.error(`[test:vscode] VSCODE_EXECUTABLE_PATH=${given} does not exist.`);
      process.exit(2);
    }
    log(`using VS Code from VSCODE_EXECUTABLE_PATH: ${given}`);
    return { executable: given };
  }
  const version = process.env.VSCODE_VERSION ?? 'stable';
  log(`VSCODE_EXECUTABLE_PATH is not set; trying to download VS Code ${version} into ${path.relative(ROOT, CACHE)}`);
  let downloading = false;
  const reporter = {
    report(report) {
      // Log each stage once, not every progress tick.
      if (report.stage === 'downloading') {
        if (!downloading) log(`downloading ${report.url ?? 'VS Code'}…`);
        downloading = true;
      } else if (report.stage === 'foundMatchingInstall') {
        log(`found ${report.downloadedPath}`);
        downloading = true;
      } else if (report.stage === 'newInstallComplete') {
        log(`installed ${report.downloadedPath}`);
      }
    },
    error() {},
  };
  const started = Date.now();
  let timer;
  const guard = new Promise((_, reject) => {
    timer = setInterval(() => {
      if (!downloading && Date.now() - started > RESOLVE_TIMEOUT_MS) {
        reject(new Error(`no answer from the VS Code update service within ${RESOLVE_TIMEOUT_MS / 1000} s`));
      }
    }, 500);
  });
  try {
    const executable = await Promise.race([
      downloadAndUnzipVSCode({ version, cachePath: CACHE, timeout: 15_000, reporter }),
      guard,
    ]);
    return { executable };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearInterval(timer);
  }
}

function npmRun(cwd, script) {
  log(`npm run ${script}  (in ${path.relative(ROOT, cwd) || '.'})`);
  const result = spawnSync('npm', ['run', script], { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`[test:vscode] npm run ${script} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

/** Builds the bundles the extension runs from (dist/, media/), if they are missing. */
function ensureBuilt() {
  const needed = ['dist/extension.cjs', 'dist/server.cjs', 'media/preview.js', 'media/preview.css', 'syntaxes/okr.tmLanguage.json'];
  const missing = needed.filter((file) => !existsSync(path.join(EXTENSION, file)));
  if (missing.length === 0) return;
  log(`missing ${missing.join(', ')}: building`);
  npmRun(ROOT, 'build');
  npmRun(EXTENSION, 'build');
}

/** A throwaway copy of examples/ to open as the workspace, in English whatever the machine's locale. */
function makeWorkspace() {
  const workspace = mkdtempSync(path.join(tmpdir(), 'okr-vscode-tests-'));
  cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  mkdirSync(path.join(workspace, '.vscode'));
  writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'okr.locale': 'en' }, null, 2) + '\n');
  return workspace;
}

/** The suite in the desktop VS Code, through @vscode/test-electron. */
async function runInDesktop(executable) {
  const label = 'desktop VS Code';
  const workspace = makeWorkspace();
  const launchArgs = [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'];
  // Chromium refuses to run as root with its sandbox on.
  if (typeof process.getuid === 'function' && process.getuid() === 0) launchArgs.push('--no-sandbox');
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no DISPLAY: VS Code may fail to start; run under xvfb-run -a if it does');
  }
  try {
    log(`running the suite in ${executable}, workspace ${workspace}`);
    await runTests({
      vscodeExecutablePath: executable,
      cachePath: CACHE,
      extensionDevelopmentPath: EXTENSION,
      extensionTestsPath: SUITE,
      extensionTestsEnv: { OKR_TEST_WORKSPACE: workspace },
      launchArgs,
    });
    return { status: 'passed', label };
  } catch (error) {
    return { status: 'failed', label, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function runInCodeServerTarget() {
  const found = await locateCodeServer(ROOT);
  if (!found.entry) {
    console.log(`\nThe suite can also run inside code-server, but not here: ${found.reason}.\n`);
    return { status: 'skipped', label: 'code-server', reason: found.reason };
  }
  ensureBuilt();
  const workspace = makeWorkspace();
  try {
    return await runInCodeServer({ found, extension: EXTENSION, suite: SUITE, workspace, log });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

// `npm run test:vscode -- --desktop` or `-- --code-server` runs one target only; by default both.
const only = ['--desktop', '--code-server'].filter((flag) => process.argv.includes(flag));
const wants = (flag) => only.length === 0 || only.includes(flag);
const results = [];

if (wants('--desktop')) {
  const found = await findVSCode();
  if (found.executable) {
    ensureBuilt();
    results.push(await runInDesktop(found.executable));
  } else {
    console.log(
      '\nThe extension-host tests run inside the desktop VS Code (Electron), which could not be had here: ' +
        `VSCODE_EXECUTABLE_PATH is not set and downloading VS Code failed (${found.reason}). ` +
        'To run them, give the path of a VS Code executable ' +
        '(e.g. /usr/share/code/code on Linux, "/Applications/Visual Studio Code.app/Contents/MacOS/Electron" on macOS): ' +
        '`VSCODE_EXECUTABLE_PATH=/path/to/code npm run test:vscode`, ' +
        'or run `npm run test:vscode` where update.code.visualstudio.com is reachable ' +
        '(on Linux without a display, under `xvfb-run -a`).\n',
    );
    results.push({ status: 'skipped', label: 'desktop VS Code', reason: 'no VS Code available' });
  }
}
if (wants('--code-server')) results.push(await runInCodeServerTarget());

console.log('');
for (const result of results) {
  console.log(`extension-host tests in ${result.label}: ${result.status}${result.reason ? ` (${result.reason})` : ''}`);
}
if (results.every((result) => result.status === 'skipped')) {
  // A skip is not a pass: say so, and do not fail the build for want of a VS Code.
  console.log('extension-host tests skipped: no VS Code available');
}
process.exit(results.some((result) => result.status === 'failed') ? 1 : 0);
