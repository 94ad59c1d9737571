import { en, type UiWords } from './en.ts';
import type { Locale } from './locales.ts';
import { zh } from './zh.ts';

export type { DataShape, UiWords } from './en.ts';
export { type Format, formatFor } from './format.ts';
export { LOCALE_TAGS, LOCALES, type Locale, localeOfPath, localePrefix, TYPESET, type UserText, userText } from './locales.ts';

const DICTIONARIES: Record<Locale, UiWords> = { en, zh };

/** The interface words of a locale. */
export const t = (locale: Locale): UiWords => DICTIONARIES[locale];
