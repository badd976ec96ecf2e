/**
 * The plan at a git revision (spec §10): the `.okr` files under the given paths in that commit,
 * read with the `git` command from the repository holding the current folder. Paths that did not
 * exist at that revision give an empty plan.
 */
import { isPlanFileName, isSkippedFolder, type Language } from '@okr-plan/language';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import type { PlanSource } from './plan-loader.js';

/** Not a repository, an unknown revision, or no git: a usage error (exit status 2), worded for the user. */
export class GitRevisionError extends Error {}

interface GitFailure {
    code?: string | number;
    stderr: string;
}

function git(args: string[], cwd: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
            if (error) reject({ code: (error as NodeJS.ErrnoException).code, stderr: stderr.toString('utf8').trim() } satisfies GitFailure);
            else resolve(stdout);
        });
    });
}

const WORDS = {
    en: {
        noGit: 'cannot run git: okr diff REV reads the old plan with the git command; install git, or compare folders with okr diff --from DIR',
        notRepository: (cwd: string) => `'${cwd}' is not inside a git repository: okr diff REV compares with a commit of the repository holding the current folder; run it inside the repository, or compare folders with okr diff --from DIR`,
        unknownRevision: (rev: string) => `unknown git revision '${rev}': name a commit, branch or tag that exists here (in CI, fetch it first, e.g. git fetch origin main, with enough history: fetch-depth: 0)`,
        failed: (what: string, reason: string) => `git ${what} failed: ${reason}`
    },
    ru: {
        noGit: 'не удалось запустить git: okr diff РЕВИЗИЯ читает старый план командой git; установите git или сравните папки: okr diff --from ПАПКА',
        notRepository: (cwd: string) => `«${cwd}» не внутри репозитория git: okr diff РЕВИЗИЯ сравнивает с коммитом репозитория текущей папки; запустите её внутри репозитория или сравните папки: okr diff --from ПАПКА`,
        unknownRevision: (rev: string) => `неизвестная ревизия git «${rev}»: укажите существующий коммит, ветку или тег (в CI сначала получите её, например git fetch origin main, с достаточной историей: fetch-depth: 0)`,
        failed: (what: string, reason: string) => `git ${what} не выполнился: ${reason}`
    }
};

export interface RevisionPlan {
    /** The repository's top folder: the old side's diagnostics are relative to it. */
    root: string;
    sources: PlanSource[];
}

export async function revisionPlan(revision: string, paths: string[], cwd: string, language: Language): Promise<RevisionPlan> {
    const say = WORDS[language];
    const fail = (failure: unknown, otherwise: (reason: string) => string): never => {
        const { code, stderr } = failure as GitFailure;
        throw new GitRevisionError(code === 'ENOENT' ? say.noGit : otherwise(stderr));
    };
    const root = (await git(['rev-parse', '--show-toplevel'], cwd).catch(failure => fail(failure, () => say.notRepository(cwd)))).toString('utf8').trim();
    // `--end-of-options` keeps a revision that starts with '-' from being read as an option.
    await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], cwd).catch(failure => fail(failure, () => say.unknownRevision(revision)));
    // Where the current folder is in the repository: names are joined to it, never to a path on disk (which may go through a symlink).
    const prefix = (await git(['rev-parse', '--show-prefix'], cwd).catch(failure => fail(failure, () => say.notRepository(cwd)))).toString('utf8').trim();
    const inRepository = (relative: string) => path.posix.normalize(prefix + relative.split(path.sep).join('/')).replace(/\/$/, '');
    const given = paths.length > 0 ? paths : ['.'];
    const listing = await git(['ls-tree', '-r', '-z', '--name-only', revision, '--', ...given], cwd).catch(failure => fail(failure, reason => say.failed('ls-tree', reason)));
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
        sources.push({ absolute: path.join(root, ...name.split('/')), read: () => git(['show', `${revision}:${name}`], root).catch(failure => fail(failure, reason => say.failed('show', reason))) });
    }
    return { root, sources };
}
