// Runs the extension-host suite inside code-server, the way VS Code's own "extension development
// host in a browser" does: code-server's built workbench honours the extension-development
// parameters of its URL `payload` (extensionDevelopmentPath, extensionTestsPath,
// extensionEnvironment) only when the server runs with VS Code's `enable-smoke-test-driver` flag
// (passed through with `--vscode-option`). The extension then runs in code-server's remote
// extension host (Node, on this machine), the suite with it; when the suite's run() settles, the
// workbench calls window.codeAutomationExit(code), which headless Chromium (playwright-core)
// exposes to us. The suite tees mocha's report to a file (OKR_TEST_OUTPUT) that we print as it grows.
//
// Uses what scripts/e2e/prepare.mjs installs into .cache/e2e (Node 24, code-server, Debian's
// Chromium); when that is missing, the run is skipped with the reason.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { StringDecoder } from 'node:string_decoder';
import { format } from 'node:util';

const HOST = '127.0.0.1';
const TIMEOUT_MS = Number(process.env.OKR_CODE_SERVER_TIMEOUT_MS ?? 300_000);

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // The page may only talk to our code-server.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

// code-server's default extension gallery is on the internet; point it at a closed loopback port.
const LOOPBACK_GALLERY = JSON.stringify({
  serviceUrl: `http://${HOST}:9/gallery`,
  itemUrl: `http://${HOST}:9/item`,
  resourceUrlTemplate: `http://${HOST}:9/resource/{publisher}/{name}/{version}/{path}`,
});

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What is needed, from scripts/e2e/prepare.mjs and .cache/e2e; or the reason it is not there. */
export async function locateCodeServer(root) {
  const prepareModule = path.join(root, 'scripts', 'e2e', 'prepare.mjs');
  if (!existsSync(prepareModule)) return { reason: `${path.relative(root, prepareModule)} is missing` };
  const { CODE_SERVER_DIR, CODE_SERVER_ENTRY, NODE24, CHROMIUM, node24Env } = await import(pathToFileURL(prepareModule).href);
  const missing = [NODE24, CODE_SERVER_ENTRY, CHROMIUM].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    return { reason: `code-server is not prepared (missing ${missing.map((f) => path.relative(root, f)).join(', ')}); run \`node scripts/e2e/prepare.mjs\` first` };
  }
  let chromium;
  try {
    ({ chromium } = createRequire(path.join(root, 'package.json'))('playwright-core'));
  } catch {
    return { reason: 'playwright-core (a root devDependency) is not installed: run `npm install` at the root' };
  }
  const version = JSON.parse(readFileSync(path.join(CODE_SERVER_DIR, 'package.json'), 'utf8')).version;
  return { entry: CODE_SERVER_ENTRY, node: NODE24, chromiumPath: CHROMIUM, chromium, version, env: node24Env };
}

/** Prints what the suite appends to `file`, from where it was last read. */
function follower(file) {
  let position = 0;
  const decoder = new StringDecoder('utf8');
  return () => {
    if (!existsSync(file)) return;
    const size = statSync(file).size;
    if (size <= position) return;
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(size - position);
      readSync(fd, buffer, 0, buffer.length, position);
      position = size;
      process.stdout.write(decoder.write(buffer));
    } finally {
      closeSync(fd);
    }
  };
}

/**
 * Runs the suite in the code-server `found` by locateCodeServer.
 * @returns {Promise<{ status: 'passed' | 'failed', label: string, reason?: string }>}
 */
export async function runInCodeServer({ found, extension, suite, workspace, log }) {
  const label = `code-server ${found.version}`;

  const base = mkdtempSync(path.join(tmpdir(), 'okr-code-server-tests-'));
  const userData = path.join(base, 'user-data');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2) + '\n');
  const output = path.join(base, 'mocha.txt');
  const serverLog = path.join(base, 'code-server.log');
  const port = await freePort();
  const config = path.join(base, 'config.yaml');
  writeFileSync(config, `bind-addr: ${HOST}:${port}\nauth: none\ncert: false\n`);
  const args = [
    found.entry,
    '--config', config,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userData,
    '--extensions-dir', path.join(base, 'extensions'),
    // Lets the workbench take extensionDevelopmentPath / extensionTestsPath from its URL payload.
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ];
  const env = found.env({ EXTENSIONS_GALLERY: LOOPBACK_GALLERY });
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }

  log(`starting ${label} on ${HOST}:${port} (Node ${found.node}), headless Chromium ${found.chromiumPath}`);
  // Its own process group, so that ending it ends the extension host and language server too.
  const child = spawn(found.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let serverText = '';
  child.stdout.on('data', (chunk) => (serverText += chunk));
  child.stderr.on('data', (chunk) => (serverText += chunk));
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  /** @param {NodeJS.Signals} signal */
  const killGroup = (signal) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {}
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  let browser;
  try {
    const url = `http://${HOST}:${port}/`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${serverText.slice(-3000)}`);
      try {
        if ((await fetch(`${url}healthz`)).ok) break;
      } catch {}
      if (Date.now() > deadline) throw new Error(`code-server did not answer on ${url} within 60 s:\n${serverText.slice(-3000)}`);
      await sleep(200);
    }

    browser = await found.chromium.launch({ executablePath: found.chromiumPath, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    const page = await browser.newPage();
    const workbenchErrors = [];
    let settle;
    const finished = new Promise((resolve) => (settle = resolve));
    // The workbench forwards its log (and the extension host's console) here…
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (type === 'error') workbenchErrors.push(format(...(Array.isArray(args) ? args : [args])));
    });
    // …and calls this when the extension host ends after the test runner settles: 0 if run() resolved.
    await page.exposeFunction('codeAutomationExit', (code) => settle({ code }));

    const authority = `${HOST}:${port}`;
    const remote = (file) => `vscode-remote://${authority}${pathToFileURL(file).pathname}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(suite)],
      ['extensionEnvironment', JSON.stringify({ OKR_TEST_OUTPUT: output, OKR_TEST_WORKSPACE: workspace })],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const workbench = `${url}?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening the workbench with the extension under development and the suite`);
    await page.goto(workbench);

    const print = follower(output);
    const ticker = setInterval(print, 200);
    const timeout = sleep(TIMEOUT_MS).then(() => ({ timeout: true }));
    const result = await Promise.race([finished, timeout]);
    clearInterval(ticker);
    print();
    if (result.timeout) {
      return { status: 'failed', label, reason: `no result within ${TIMEOUT_MS / 1000} s` };
    }
    if (result.code !== 0) {
      const relevant = workbenchErrors.filter((line) => !/gallery|ECONNREFUSED 127\.0\.0\.1:9/.test(line));
      if (relevant.length > 0) console.error(`[test:vscode] errors the workbench logged:\n${relevant.slice(-20).join('\n')}`);
      if (!existsSync(output)) console.error(`[test:vscode] the suite printed nothing; code-server's log:\n${serverText.slice(-3000)}`);
      return { status: 'failed', label, reason: `the test runner ended with code ${result.code}` };
    }
    return { status: 'passed', label };
  } catch (error) {
    return { status: 'failed', label, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await browser?.close().catch(() => {});
    writeFileSync(serverLog, serverText);
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      killGroup('SIGTERM');
      await Promise.race([gone, sleep(5000)]);
    }
    killGroup('SIGKILL');
    process.off('exit', onExit);
    rmSync(base, { recursive: true, force: true });
  }
}
