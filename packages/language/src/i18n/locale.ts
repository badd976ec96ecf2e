/** The languages messages come in. Anything that is not Russian gets English. */
export type Language = 'en' | 'ru';

/** `ru`, `ru-RU`, `ru_RU.UTF-8` → 'ru'; anything else → 'en'. */
export function languageOf(locale: string | undefined): Language {
    return locale && /^ru(?:[-_.@]|$)/i.test(locale.trim()) ? 'ru' : 'en';
}

/** The language a command line should speak, from LC_ALL, LC_MESSAGES or LANG (in POSIX precedence). */
export function languageFromEnvironment(env: Record<string, string | undefined>): Language {
    return languageOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
