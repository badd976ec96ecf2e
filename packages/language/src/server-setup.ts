/** What the server does beyond Langium's defaults when a client connects. */
import type { LangiumSharedServices } from 'langium/lsp';
import { languageOf } from './i18n/locale.js';
import type { OkrServices } from './okr-module.js';

export function configureServer(shared: LangiumSharedServices, okr: OkrServices): void {
    shared.lsp.LanguageServer.onInitialize(params => {
        // An explicit override from the client (a setting) wins over the editor's display language.
        const options = params.initializationOptions as { locale?: unknown } | undefined;
        const override = typeof options?.locale === 'string' && options.locale !== 'auto' ? options.locale : undefined;
        okr.i18n.Messages.language = languageOf(override ?? params.locale);
    });
}
