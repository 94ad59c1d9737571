import { datasetOf, presetOfSpec, type StudyDocument, type StudySpec } from '../../../src/index.ts';
import { type Locale, TYPESET, type UserText, userText } from '../i18n/index.ts';
import { compareWords } from './compare/words.ts';
import { dataSizeWords } from './data-size/words.ts';
import { determinismAuditWords } from './determinism-audit/words.ts';
import type { KindWords, VerdictWords } from './kindWords.ts';
import { lrRangeTestWords } from './lr-range-test/words.ts';
import { lrScheduleWords } from './lr-schedule/words.ts';
import { seedVarianceWords } from './seed-variance/words.ts';
import { varianceSourcesWords } from './variance-sources/words.ts';

/** Every kind's words in every locale: a kind missing here (or a locale) fails the type-check. */
export type KindWordsMap<Doc extends { kind: string }> = { [K in Doc['kind']]: Record<Locale, KindWords<Extract<Doc, { kind: K }>>> };

export const KIND_WORDS: KindWordsMap<StudyDocument> = {
  'seed-variance': seedVarianceWords,
  'lr-range-test': lrRangeTestWords,
  'lr-schedule': lrScheduleWords,
  'data-size': dataSizeWords,
  'variance-sources': varianceSourcesWords,
  'determinism-audit': determinismAuditWords,
  compare: compareWords,
};

/**
 * A document's words. TypeScript cannot relate a document of kind K to the words of kind K
 * through the union, so this one lookup holds them with the kind's type erased.
 */
function wordsOf(doc: StudyDocument, locale: Locale): KindWords<StudyDocument> {
  return KIND_WORDS[doc.kind][locale] as KindWords<StudyDocument>;
}
/** A sentence as the locale sets it (see TYPESET). */
const typeset = (locale: Locale, sentence: string) => TYPESET[locale](sentence);

export const kindName = (kind: StudyDocument['kind'], locale: Locale): string => KIND_WORDS[kind][locale].name;

/**
 * A study's title, in one place: a title the user wrote is shown as written (with its language);
 * a preset's title and a study without one are worded per locale from the document.
 */
export function studyTitle(doc: StudyDocument, locale: Locale): UserText {
  const words = wordsOf(doc, locale);
  const preset = presetOfSpec(doc.spec);
  if (preset) return { text: typeset(locale, (words.presetTitles[preset.name] ?? words.title)(doc)), lang: locale };
  if (doc.spec.title) return userText(doc.spec.title);
  return { text: typeset(locale, words.title(doc)), lang: locale };
}

/** The title of a study whose document does not exist yet: the API's record and listing (English), and its pages. */
export function pendingStudyTitle(spec: StudySpec, locale: Locale = 'en'): UserText {
  return spec.title ? userText(spec.title) : { text: `${kindName(spec.kind, locale)}: ${datasetOf(spec).name}`, lang: locale };
}

export const headlineOf = (doc: StudyDocument, locale: Locale): string => typeset(locale, wordsOf(doc, locale).headline(doc));
export const questionOf = (doc: StudyDocument, locale: Locale): string => typeset(locale, wordsOf(doc, locale).question(doc));
export const verdictOf = (doc: StudyDocument, locale: Locale): VerdictWords[] =>
  wordsOf(doc, locale)
    .verdict(doc)
    .map((v) => ({ ...v, question: typeset(locale, v.question), short: typeset(locale, v.short), answer: typeset(locale, v.answer) }));
export const methodOf = (doc: StudyDocument, locale: Locale): string[] =>
  wordsOf(doc, locale)
    .method(doc)
    .map((step) => typeset(locale, step));

/** The badge: the kind, the key number, and green unless a verdict is bad news (/badge/ in English, /zh/badge/ in Chinese). */
export const badgeOf = (doc: StudyDocument, locale: Locale = 'en') => ({
  label: kindName(doc.kind, locale).toLowerCase(),
  value: wordsOf(doc, locale).badge(doc),
  good: verdictOf(doc, locale).every((v) => v.tone !== 'bad'),
});

export type { KindWords, VerdictWords };
