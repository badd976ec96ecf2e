/**
 * The preview's "compare with" a git revision (issue 14): its control, the words beside a moved
 * figure, the header's line saying what the tree was compared with, and why it could not be.
 */
import type { GitWords } from '../git/git-revision.js';
import type { Language } from './locale.js';
import { plural } from './plural.js';

export interface CompareWords {
    /** The control's label. */
    label: string;
    placeholder: string;
    /** The button that stops comparing. */
    clear: string;
    /** Before the figure at the revision on a moved node: `at HEAD~1`. */
    atRevision(revision: string): string;
    /** The header's line: `Compared with HEAD~1 (a1b2c3d): 2 KPIs and 1 stage moved, 1 KPI added`. */
    comparedWith(revision: string, commit: string, counts: { kpis: number; stages: number; added: number; removed: number }): string;
    /** The web worker server (vscode.dev) cannot run git. */
    needsDesktop: string;
    git: GitWords;
}

const EN: CompareWords = {
    label: 'Compare with',
    placeholder: 'git revision: HEAD, HEAD~1, a branch…',
    clear: 'Stop comparing',
    atRevision: revision => `at ${revision}`,
    comparedWith: (revision, commit, { kpis, stages, added, removed }) => {
        const moved = [kpis > 0 ? `${kpis} ${plural('en', kpis, { one: 'KPI', other: 'KPIs' })}` : '', stages > 0 ? `${stages} ${plural('en', stages, { one: 'stage', other: 'stages' })}` : ''].filter(Boolean);
        const parts = [moved.length > 0 ? `${moved.join(' and ')} moved` : 'no figure moved'];
        if (added > 0) parts.push(`${added} added`);
        if (removed > 0) parts.push(`${removed} removed`);
        return `Compared with ${revision} (${commit}): ${parts.join(', ')}`;
    },
    needsDesktop: 'Comparing with a git revision needs the desktop editor: the language server in the browser cannot run git. Open the folder in VS Code on your computer, or run okr diff REV in a terminal.',
    git: {
        noGit: 'Cannot compare with a git revision: the git command was not found. Install git (and restart the editor), or run okr diff --from DIR in a terminal.',
        notRepository: folder => `Cannot compare with a git revision: '${folder}' is not inside a git repository. Open the folder of a repository, or stop comparing.`,
        unknownRevision: revision => `Unknown git revision '${revision}': name a commit, branch or tag that exists in this repository (HEAD, HEAD~1, main, origin/main), or fetch it first.`,
        failed: (command, reason) => `Cannot compare with the git revision: git ${command} failed: ${reason}`
    }
};

const RU: CompareWords = {
    label: 'Сравнить с',
    placeholder: 'ревизия git: HEAD, HEAD~1, ветка…',
    clear: 'Не сравнивать',
    atRevision: revision => `в ${revision}`,
    comparedWith: (revision, commit, { kpis, stages, added, removed }) => {
        const moved = [kpis > 0 ? `${kpis} КПЭ` : '', stages > 0 ? `${stages} ${plural('ru', stages, { one: 'этап', few: 'этапа', many: 'этапов', other: 'этапа' })}` : ''].filter(Boolean);
        const parts = [moved.length > 0 ? `изменились: ${moved.join(' и ')}` : 'ни одна цифра не изменилась'];
        if (added > 0) parts.push(`добавлено: ${added}`);
        if (removed > 0) parts.push(`удалено: ${removed}`);
        return `Сравнение с ${revision} (${commit}): ${parts.join(', ')}`;
    },
    needsDesktop: 'Сравнение с ревизией git доступно только в настольном редакторе: языковой сервер в браузере не может запускать git. Откройте папку в VS Code на компьютере или выполните okr diff РЕВИЗИЯ в терминале.',
    git: {
        noGit: 'Не удалось сравнить с ревизией git: команда git не найдена. Установите git (и перезапустите редактор) или выполните okr diff --from ПАПКА в терминале.',
        notRepository: folder => `Не удалось сравнить с ревизией git: «${folder}» не внутри репозитория git. Откройте папку репозитория или отключите сравнение.`,
        unknownRevision: revision => `Неизвестная ревизия git «${revision}»: укажите коммит, ветку или тег этого репозитория (HEAD, HEAD~1, main, origin/main) или сначала получите её (git fetch).`,
        failed: (command, reason) => `Не удалось сравнить с ревизией git: git ${command} не выполнился: ${reason}`
    }
};

export const COMPARE_WORDS: Record<Language, CompareWords> = { en: EN, ru: RU };
