/**
 * A plan at a git revision (spec §10), read with the `git` command: `okr diff REV` and the
 * preview's "compare with" both use it. Read-only commands only (rev-parse, ls-tree, show,
 * for-each-ref), run without a shell and with a timeout; nothing touches the working tree, the
 * index or any ref. Node only: the web worker server has no git.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { isPlanFileName, isSkippedFolder } from '../workspace/okr-workspace-manager.js';

/** One file of a plan: where it is (absolute; for a git revision, where it would be) and how to get its bytes. */
export interface PlanSource {
    absolute: string;
    read(): Promise<Uint8Array>;
}

export type GitFailureKind = 'no-git' | 'not-repository' | 'unknown-revision' | 'failed';

/** How a caller words each failure: the CLI names `okr diff`, the editor its preview. */
export interface GitWords {
    noGit: string;
    notRepository(folder: string): string;
    unknownRevision(revision: string): string;
    failed(command: string, reason: string): string;
}

/** Not a repository, an unknown revision, no git, or a git command that failed; the message is worded by the caller's `GitWords`. */
export class GitRevisionError extends Error {
    constructor(readonly kind: GitFailureKind, message: string) {
        super(message);
    }
}

interface GitFailure {
    code?: string | number;
    stderr: string;
}

/** A git command that hangs (a lock, a network file system) must not hang the server or the CLI. */
const GIT_TIMEOUT_MS = 30_000;

function git(args: string[], cwd: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30, timeout: GIT_TIMEOUT_MS, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' } }, (error, stdout, stderr) => {
            if (error) reject({ code: (error as NodeJS.ErrnoException).code, stderr: stderr.toString('utf8').trim() || error.message } satisfies GitFailure);
            else resolve(stdout);
        });
    });
}

export interface RevisionPlan {
    /** The repository's top folder: the old side's diagnostics are relative to it. */
    root: string;
    /** The full hash of the commit the revision named when it was read. */
    commit: string;
    sources: PlanSource[];
}

/** The commit a revision names now (full hash), and the repository's top folder. */
export async function resolveRevision(revision: string, cwd: string, words: GitWords): Promise<{ root: string; commit: string }> {
    const fail = failWith(words);
    const root = (await git(['rev-parse', '--show-toplevel'], cwd).catch(failure => fail(failure, 'not-repository', () => words.notRepository(cwd)))).toString('utf8').trim();
    // `--end-of-options` keeps a revision that starts with '-' from being read as an option.
    const commit = (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd).catch(failure => fail(failure, 'unknown-revision', () => words.unknownRevision(revision)))).toString('utf8').trim();
    return { root, commit };
}

/**
 * The `.okr` files under `paths` (relative to `cwd`; the current folder when none) in the commit
 * `revision` names. Paths that did not exist at that revision give an empty plan. Every later
 * command reads the resolved commit, so a branch that moves meanwhile does not mix two commits.
 */
export async function revisionPlan(revision: string, paths: string[], cwd: string, words: GitWords): Promise<RevisionPlan> {
    const fail = failWith(words);
    const { root, commit } = await resolveRevision(revision, cwd, words);
    // Where the current folder is in the repository: names are joined to it, never to a path on disk (which may go through a symlink).
    const prefix = (await git(['rev-parse', '--show-prefix'], cwd).catch(failure => fail(failure, 'not-repository', () => words.notRepository(cwd)))).toString('utf8').trim();
    const inRepository = (relative: string) => path.posix.normalize(prefix + relative.split(path.sep).join('/')).replace(/\/$/, '');
    const given = paths.length > 0 ? paths : ['.'];
    const listing = await git(['ls-tree', '-r', '-z', '--name-only', commit, '--', ...given], cwd).catch(failure => fail(failure, 'failed', reason => words.failed('ls-tree', reason)));
    const named = new Set(given.map(inRepository));
    const sources: PlanSource[] = [];
    for (const entry of listing.toString('utf8').split('\0').filter(Boolean)) {
        // Names are relative to the current folder; the walk's rule applies below it, as for a folder on disk.
        const name = inRepository(entry);
        const segments = entry.split('/').filter(segment => segment !== '..' && segment !== '.');
        const folders = segments.slice(0, -1);
        const file = segments[segments.length - 1] ?? '';
        const wanted = named.has(name) || (isPlanFileName(file) && !file.startsWith('.') && !folders.some(isSkippedFolder));
        if (!wanted) continue;
        sources.push({ absolute: path.join(root, ...name.split('/')), read: () => git(['show', `${commit}:${name}`], root).catch(failure => fail(failure, 'failed', reason => words.failed('show', reason))) });
    }
    return { root, commit, sources };
}

/** Local and remote branches, most recently committed first (at most `limit`); empty outside a repository. */
export async function recentBranches(cwd: string, limit = 20): Promise<string[]> {
    const listing = await git(['for-each-ref', '--sort=-committerdate', `--count=${limit}`, '--format=%(refname)', 'refs/heads', 'refs/remotes'], cwd).catch(() => undefined);
    if (!listing) return [];
    // A remote's HEAD is an alias of one of its branches, already listed.
    return listing.toString('utf8').split('\n')
        .filter(ref => ref !== '' && !ref.endsWith('/HEAD'))
        .map(ref => ref.replace(/^refs\/(heads|remotes)\//, ''));
}

function failWith(words: GitWords) {
    return (failure: unknown, kind: GitFailureKind, otherwise: (reason: string) => string): never => {
        const { code, stderr } = failure as GitFailure;
        if (code === 'ENOENT') throw new GitRevisionError('no-git', words.noGit);
        throw new GitRevisionError(kind, otherwise(stderr));
    };
}
