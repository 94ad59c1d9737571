import {
  datasetLabelOf,
  digestOf,
  isTrainedDocument,
  parseDigest,
  presetOfSpec,
  STUDY_KINDS,
  type StudyDocument,
  type StudyKind,
  type StudySpec,
} from '../../../src/index.ts';
import { KIND_SENTENCES } from '../kinds/sentences.ts';
import { type Locale, type UserText, userText } from './locales.ts';
import { type Message, render } from './phrases.ts';
import type { KindSentences, Listed } from './sentences.ts';
import { t, ui } from './ui.ts';

/**
 * A study in words, in one place: what the site, the embed card, the preview, the badge, oEmbed and
 * the CLI show of a study. Each kind decides its sentences (site/src/kinds/<kind>/sentences.ts);
 * this renders them in a locale.
 */

/**
 * A kind's sentences. TypeScript cannot relate a document of kind K to the sentences of kind K
 * through the union, so this one lookup holds them with the kind's types erased.
 */
// biome-ignore lint/suspicious/noExplicitAny: the one lookup that erases a kind's document and digest types (see above).
const sentencesOf = (kind: StudyKind): KindSentences<any, any> => KIND_SENTENCES[kind];

/**
 * What a listing knows of a study without reading its document: the facts a one-line summary is
 * worded from (functions/studies/store.ts stores them in the listing entry's metadata).
 */
export interface StudyFacts {
  kind: StudyKind;
  /** The dataset's name; a kind that trains nothing has none. */
  dataset?: string;
  /** The title the user wrote, if any (perhaps cut short to fit a listing entry). */
  title?: string;
  /** The preset the spec is exactly, if any. */
  preset?: string;
  /** The kind's digest (the engine's digestOf), once the study has a document. */
  digest?: unknown;
}

/** The facts of a finished study, from its document. */
export function factsOf(doc: StudyDocument): StudyFacts {
  const preset = presetOfSpec(doc.spec)?.name;
  const dataset = datasetLabelOf(doc.spec);
  return {
    kind: doc.kind,
    ...(dataset ? { dataset } : {}),
    ...(doc.spec.title ? { title: doc.spec.title } : {}),
    ...(preset ? { preset } : {}),
    digest: digestOf(doc),
  };
}

export const isStudyKind = (kind: string): kind is StudyKind => (STUDY_KINDS as readonly string[]).includes(kind);
export const kindName = (kind: StudyKind, locale: Locale): string => render(sentencesOf(kind).name, locale);

/** A stored digest that still reads as its kind's, or null (a listing written before digests, or one that does not parse). */
const readDigest = (facts: StudyFacts) => (facts.digest === undefined ? null : parseDigest(facts.kind, facts.digest));

/**
 * A study's title: a preset's title, worded per locale; else a title the user wrote, shown as
 * written (with its language); else worded from the digest, or, before the document exists, from
 * the kind and the dataset.
 */
export function titleOf(facts: StudyFacts, locale: Locale): UserText {
  const sentences = sentencesOf(facts.kind);
  const digest = readDigest(facts);
  const listed: Listed<unknown> | null = digest === null ? null : { dataset: facts.dataset ?? null, digest };
  const worded = (message: Message): UserText => ({ text: render(message, locale), lang: locale });
  const presetTitle = facts.preset && listed ? sentences.presetTitles[facts.preset] : undefined;
  if (presetTitle && listed) return worded(presetTitle(listed));
  if (facts.title) return userText(facts.title);
  if (listed) return worded(sentences.title(listed));
  return worded(facts.dataset ? ui.say('pendingTitle', { kind: sentences.name, dataset: facts.dataset }) : sentences.name);
}

/** The key result in one line, or null before the document exists (or from a digest that does not read). */
export function headlineOfFacts(facts: StudyFacts, locale: Locale): string | null {
  const digest = readDigest(facts);
  return digest === null ? null : render(sentencesOf(facts.kind).headline({ dataset: facts.dataset ?? null, digest }), locale);
}

export const studyTitle = (doc: StudyDocument, locale: Locale): UserText => titleOf(factsOf(doc), locale);
/** The title of a study whose document does not exist yet (its pages while it runs). */
export const pendingStudyTitle = (spec: StudySpec, locale: Locale): UserText =>
  titleOf({ kind: spec.kind, dataset: datasetLabelOf(spec) ?? undefined, ...(spec.title ? { title: spec.title } : {}) }, locale);

export const headlineOf = (doc: StudyDocument, locale: Locale): string => headlineOfFacts(factsOf(doc), locale) ?? '';
export const questionOf = (doc: StudyDocument, locale: Locale): string => render(sentencesOf(doc.kind).question(doc), locale);
export const methodOf = (doc: StudyDocument, locale: Locale): string[] =>
  sentencesOf(doc.kind)
    .method(doc)
    .map((step) => render(step, locale));

/** One verdict entry as a locale reads it. */
export interface VerdictWords {
  question: string;
  short: string;
  answer: string;
  tone: 'good' | 'bad' | 'neutral';
}
export const verdictOf = (doc: StudyDocument, locale: Locale): VerdictWords[] =>
  sentencesOf(doc.kind)
    .verdict(doc)
    .map((v) => ({ question: render(v.question, locale), short: render(v.short, locale), answer: render(v.answer, locale), tone: v.tone }));

/** A preview image's text alternative (og:image:alt): the kind, the first question and its answer, the headline. */
export function previewAlt(doc: StudyDocument, locale: Locale): string {
  const [first] = verdictOf(doc, locale);
  const words = {
    kind: kindName(doc.kind, locale),
    question: first?.question ?? '',
    answer: first?.short ?? '',
    headline: headlineOf(doc, locale),
  };
  return render(ui.say('previewAlt', words), locale);
}

/** The badge: the kind, the key number, and green unless a verdict is bad news (/badge/ in English, /zh/badge/ in Chinese). */
export function badgeOf(doc: StudyDocument, locale: Locale = 'en') {
  const sentences = sentencesOf(doc.kind);
  return {
    // Imported runs say so on the badge itself: Seedlab measured them, it did not train them.
    label: isTrainedDocument(doc) ? kindName(doc.kind, locale).toLowerCase() : t(locale).imported.badge,
    value: render(sentences.badge({ dataset: datasetLabelOf(doc.spec), digest: digestOf(doc) }), locale),
    good: sentences.verdict(doc).every((v) => v.tone !== 'bad'),
  };
}
