import { en } from './en.ts';
import type { Locale } from './locales.ts';
import { type LocaleView, phraseBook } from './phrases.ts';
import { zh } from './zh.ts';

/** The interface words, in every locale. */
export const ui = phraseBook({ en, zh });
export type UiWords = LocaleView<typeof en>;

/** The interface words of a locale. */
export const t = (locale: Locale): UiWords => ui.in(locale);
