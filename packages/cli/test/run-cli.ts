/** Runs the built `okr` command as a user would, in a folder of its own. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/main.js';

export const OKR_BIN = fileURLToPath(new URL('../bin/okr.js', import.meta.url));

export interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

export function runOkr(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
    const result = spawnSync(process.execPath, [OKR_BIN, ...args], {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env },
        timeout: 60_000
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs `okr` in this process, as the binary does (faster than spawning it; the binary's own tests spawn it). */
export async function runOkrInProcess(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
    let stdout = '';
    let stderr = '';
    const status = await main(args, { LANG: 'C.UTF-8', ...env }, { write: text => (stdout += text) }, { write: text => (stderr += text) }, cwd);
    return { status, stdout, stderr };
}

/** A fresh folder holding the given files (string or raw bytes), for one test. */
export function folderWith(files: Record<string, string | Uint8Array>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'okr-cli-'));
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(root, name);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
    }
    return root;
}
