/** Grammatical plurals through Intl.PluralRules: the right form for a count in English and Russian. */
import type { Language } from './locale.js';

const RULES: Record<Language, Intl.PluralRules> = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };

/**
 * Forms by CLDR category: English needs `one` and `other`; Russian `one` (1 раз), `few` (2 раза),
 * `many` (5 раз) and `other` (1,5 раза).
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function plural(language: Language, count: number, forms: PluralForms): string {
    return forms[RULES[language].select(count)] ?? forms.other;
}
