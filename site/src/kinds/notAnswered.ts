import { t } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import type { VerdictWords } from './kindWords.ts';

/** A verdict entry the study could not answer: its question, "n/a", and why (from the interface words). */
export function notAnswered(
  locale: Locale,
  question: string,
  because: keyof ReturnType<typeof t>['words']['undecided'],
  tone: VerdictWords['tone'] = 'neutral',
): VerdictWords {
  const words = t(locale).words;
  return { question, short: words.notAvailable, tone, answer: words.undecided[because] };
}
