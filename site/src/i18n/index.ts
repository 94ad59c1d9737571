import { en, type UiWords } from './en.ts';
import type { Locale } from './locales.ts';
import { zh } from './zh.ts';

export { formatFor, type Format } from './format.ts';
export { LOCALE_TAGS, LOCALES, type Locale, localePrefix, type UserText, userText } from './locales.ts';
export type { DataShape, UiWords } from './en.ts';

const DICTIONARIES: Record<Locale, UiWords> = { en, zh };

/** The interface words of a locale. */
export const t = (locale: Locale): UiWords => DICTIONARIES[locale];
