/**
 * The plan at a git revision for `okr diff REV` (spec §10): the reading is the language package's
 * (`revisionPlan`, shared with the editor's preview); the words here name the command line's way out.
 */
import { GitRevisionError, revisionPlan as readRevisionPlan, type GitWords, type Language, type RevisionPlan } from '@okr-plan/language';

export { GitRevisionError, type RevisionPlan };

const WORDS: Record<Language, GitWords> = {
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

/** Not a repository, an unknown revision, or no git: a `GitRevisionError` (exit status 2), worded for the command line. */
export function revisionPlan(revision: string, paths: string[], cwd: string, language: Language): Promise<RevisionPlan> {
    return readRevisionPlan(revision, paths, cwd, WORDS[language]);
}
