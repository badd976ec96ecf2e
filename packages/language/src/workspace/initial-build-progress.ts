/**
 * The first build of a large workspace takes seconds; until it ends no figure is there. When the
 * client supports it, the server reports LSP work-done progress for that build ("OKR Plan:
 * analysing 1,240 of 3,000 files"), so the status bar says why, and ends it when the first build
 * is done. Counted: documents reaching Validated; reported at most every 100 ms.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import type { Language } from '../i18n/locale.js';

const REPORT_MS = 100;

export function reportInitialBuildProgress(shared: LangiumSharedServices, connection: Connection, language: () => Language): void {
    let supported = false;
    let validated = 0;
    let built = false;
    const builder = shared.workspace.DocumentBuilder;
    const counting = builder.onDocumentPhase(DocumentState.Validated, () => {
        validated++;
    });
    let progress: WorkDoneProgressServerReporter | undefined;
    let finish = () => undefined as void;
    // The first build that reaches Validated ends the initial one (it may be a later update's build
    // if an edit cancelled the first; that one then carries every unbuilt document).
    const firstBuild = builder.onBuildPhase(DocumentState.Validated, () => {
        built = true;
        firstBuild.dispose();
        counting.dispose();
        finish();
    });
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = params.capabilities.window?.workDoneProgress === true;
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        if (!supported || built) return;
        void (async () => {
            try {
                progress = await connection.window.createWorkDoneProgress();
            } catch {
                return; // The client refused the token: no progress, nothing else changes.
            }
            await shared.workspace.WorkspaceManager.ready;
            const total = shared.workspace.LangiumDocuments.all.count();
            const words = language() === 'ru' ? RU : EN;
            const message = () => words.analysing(Math.min(validated, total), total, language());
            const percentage = () => (total === 0 ? 100 : Math.floor((100 * Math.min(validated, total)) / total));
            progress.begin('OKR Plan', percentage(), message(), false);
            const timer = setInterval(() => progress?.report(percentage(), message()), REPORT_MS);
            finish = () => {
                clearInterval(timer);
                progress?.done();
                progress = undefined;
            };
            // An empty workspace builds nothing, and Langium announces no build phase for nothing.
            if (built || total === 0) finish();
        })();
    });
}

const count = (value: number, language: Language) => value.toLocaleString(language === 'ru' ? 'ru-RU' : 'en-US');

const EN = {
    analysing: (done: number, total: number, language: Language) => `analysing ${count(done, language)} of ${count(total, language)} ${total === 1 ? 'file' : 'files'}`
};

const RU = {
    analysing: (done: number, total: number, language: Language) => `анализ файлов: ${count(done, language)} из ${count(total, language)}`
};
