// Starts and stops a code-server instance for the end-to-end tests: fresh user-data and
// extensions folders, a quiet settings.json, an optional .vsix installed before the start,
// a loopback port, and a wait until the workbench answers. Needs scripts/e2e/prepare.mjs first.
//
//   const cs = await startCodeServer({ workspace, vsix, baseDir, locale, settings });
//   ... open cs.url ...
//   await cs.stop();
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { CODE_SERVER_ENTRY, NODE24, node24Env } from './prepare.mjs';

const HOST = '127.0.0.1';

/** Settings that keep the workbench quiet and the keyboard focus in the editor. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.inlayHints.enabled': 'on',
  'editor.hover.delay': 300,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
  'workbench.editor.enablePreview': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

// No extension gallery: code-server's default one is on the internet, which these machines do
// not reach (and the tests must not try). An empty gallery configuration turns it off.
const NO_GALLERY = '{}';

function codeServerEnv() {
  const env = node24Env({ EXTENSIONS_GALLERY: NO_GALLERY, CS_DISABLE_GETTING_STARTED_OVERRIDE: '1' });
  for (const k of Object.keys(env)) {
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  }
  return env;
}

function runCodeServerCli(args, logFile) {
  const r = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...args], {
    env: codeServerEnv(),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (logFile) writeFileSync(logFile, `$ code-server ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`, { flag: 'a' });
  return r;
}

/**
 * The server's language-pack index (USER_DATA/languagepacks.json), which a running server
 * writes when it installs a language pack itself, but `--install-extension` does not. Without
 * it `--locale` finds no pack and the workbench stays English. Same shape as VS Code's own.
 */
function writeLanguagePacksIndex(userDataDir, extensionsDir) {
  const packs = {};
  for (const dir of readdirSync(extensionsDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const root = path.join(extensionsDir, dir.name);
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const loc of manifest.contributes?.localizations ?? []) {
      const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();
      const pack = (packs[loc.languageId] ??= { hash: '', extensions: [], translations: {}, label: loc.localizedLanguageName ?? loc.languageName });
      pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
      for (const t of loc.translations ?? []) pack.translations[t.id] = path.join(root, t.path);
      pack.hash = createHash('md5').update(id).update(manifest.version).digest('hex');
    }
  }
  if (Object.keys(packs).length) writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/**
 * @param {object} o
 * @param {string} o.baseDir      folder for this instance's user-data, extensions and log
 * @param {string} o.workspace    folder to open
 * @param {string} [o.vsix]       .vsix to install before the start
 * @param {string[]} [o.extraVsix] more .vsix files to install (e.g. a language pack)
 * @param {string} [o.locale]     display language (written to argv.json and passed as --locale)
 * @param {object} [o.settings]   extra user settings
 * @param {number} [o.port]
 * @param {number} [o.readyTimeoutMs]
 */
export async function startCodeServer(o) {
  if (!existsSync(CODE_SERVER_ENTRY) || !existsSync(NODE24)) {
    throw new Error('code-server is not prepared: run `node scripts/e2e/prepare.mjs` first');
  }
  const userDataDir = path.join(o.baseDir, 'user-data');
  const extensionsDir = path.join(o.baseDir, 'extensions');
  const logFile = path.join(o.baseDir, 'code-server.log');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...(o.settings ?? {}) }, null, 2) + '\n',
  );
  if (o.locale) {
    writeFileSync(path.join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale: o.locale }, null, 2) + '\n');
  }

  let installedExtension;
  const vsixes = [o.vsix, ...(o.extraVsix ?? [])].filter(Boolean);
  for (const vsix of vsixes) {
    const r = runCodeServerCli(
      ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
      logFile,
    );
    const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    if (r.status !== 0 || !/successfully installed/i.test(out)) {
      throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${out}`);
    }
  }
  if (vsixes.length) {
    writeLanguagePacksIndex(userDataDir, extensionsDir);
    const list = runCodeServerCli(
      ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--list-extensions', '--show-versions'],
      logFile,
    );
    installedExtension = (list.stdout ?? '').trim();
  }

  const port = o.port ?? (await freePort());
  // Its own config file, so that nothing is written to ~/.config/code-server.
  const configFile = path.join(o.baseDir, 'config.yaml');
  writeFileSync(configFile, `bind-addr: ${HOST}:${port}\nauth: none\ncert: false\n`);
  const args = [
    CODE_SERVER_ENTRY,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `${HOST}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  if (o.locale) args.push('--locale', o.locale);
  args.push(o.workspace);

  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`$ ${NODE24} ${args.join(' ')}\n`);
  const started = Date.now();
  // Its own process group, so that stop() ends code-server and the processes it started.
  const child = spawn(NODE24, args, {
    env: codeServerEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const url = `http://${HOST}:${port}/`;
  const workbenchUrl = `${url}?folder=${encodeURIComponent(o.workspace)}`;
  const instance = {
    pid: child.pid,
    port,
    url,
    workbenchUrl,
    userDataDir,
    extensionsDir,
    logFile,
    installedExtension,
    startedAt: started,
    async stop() {
      if (exited) return;
      const pid = child.pid;
      const gone = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {}
      }
      const t = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {}
        try {
          process.kill(pid, 'SIGKILL');
        } catch {}
      }, 5000);
      await gone;
      clearTimeout(t);
      // Whatever of its group is still alive.
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {}
      log.end();
    },
    /** Synchronous last-resort kill, for process 'exit' handlers. */
    killNow() {
      if (exited) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    },
    log() {
      try {
        return readFileSync(logFile, 'utf8');
      } catch {
        return '';
      }
    },
  };

  const deadline = Date.now() + (o.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) {
      throw new Error(`code-server exited early (${JSON.stringify(exited)}); log:\n${instance.log().slice(-4000)}`);
    }
    const status = await httpStatus(`${url}healthz`);
    if (status === 200) {
      const root = await httpStatus(workbenchUrl);
      if (root === 200) break;
    }
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(`code-server did not answer on ${url} within ${o.readyTimeoutMs ?? 60_000} ms; log:\n${instance.log().slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  instance.serverReadyMs = Date.now() - started;
  return instance;
}
