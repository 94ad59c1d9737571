import { datasetLabelOf, readingsOf, STREAM_NAMES, type StudySpec } from '../../../src/index.ts';
import { isolatedRuns, KEPT_AS_WRITTEN, type Locale } from './locales.ts';
import type { StudyFacts } from './studyWords.ts';
import type { UiWords } from './ui.ts';

/**
 * A piece of a sentence: plain text; the first use on its page of a glossary term; a name that
 * must stay as written (an identifier or a label from the spec), which translators leave alone; or
 * text a user wrote, isolated (shown in <bdi>), never searched for terms.
 */
export interface GlossedText {
  text: string;
  term?: string;
  name?: true;
  isolated?: true;
  /** What a term kept in English means, said after its first use on the page (zh: in （）) */
  note?: string;
}

/** A SHA-256 fingerprint in a sentence, whole or cut short with an ellipsis: an identifier in every language. */
const FINGERPRINT = /(?<![0-9A-Za-z])[0-9a-f]{12,64}…?(?![0-9A-Za-z])/;
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A Latin word or name matches whole only ("CI" not in "CIFAR", "step" not in "steps"). */
const whole = (s: string) => (/^[A-Za-z0-9]/.test(s) ? `(?<![A-Za-z0-9_-])${literal(s)}(?![A-Za-z0-9_-])` : literal(s));

/**
 * Marks a page's sentences in reading order: each glossary term's first use becomes a link, the
 * first use of a term kept in English gets its note (`notes`, the locale's
 * `EXPLAINED_ON_FIRST_USE`), and every occurrence of `names` or of a noted term, and every
 * fingerprint, is marked as a name. One marker per page. Words stay text, never HTML.
 */
export function glossaryLinker(
  glossary: Pick<UiWords['glossary'], 'terms'>,
  names: string[] = [],
  notes: Readonly<Record<string, string>> = {},
): (sentence: string) => GlossedText[] {
  const termOf = new Map<string, string>();
  for (const t of glossary.terms) for (const use of t.uses) termOf.set(use, t.id);
  const nameSet = new Set([...names, ...Object.keys(notes)].filter((n) => n.length >= 2 && !termOf.has(n)));
  const all = [...termOf.keys(), ...nameSet].sort((a, b) => b.length - a.length);
  const pattern = new RegExp([...all.map(whole), FINGERPRINT.source].join('|'), 'g');
  const linked = new Set<string>();
  const markRun = (sentence: string): GlossedText[] => {
    const out: GlossedText[] = [];
    let at = 0;
    // A note closes with its bracket, which takes no space after it ("（Glorot 均匀初始化）从").
    const push = (text: string) => {
      const rest = out.at(-1)?.note !== undefined ? text.replace(/^ +/, '') : text;
      if (rest) out.push({ text: rest });
    };
    for (const m of sentence.matchAll(pattern)) {
      const term = termOf.get(m[0]);
      if (term === undefined && !nameSet.has(m[0]) && !FINGERPRINT.test(m[0])) continue;
      if (term !== undefined && linked.has(term)) continue;
      if (m.index > at) push(sentence.slice(at, m.index));
      const note = notes[m[0]];
      if (term !== undefined) {
        linked.add(term);
        out.push({ text: m[0], term });
      } else if (note !== undefined && !linked.has(note)) {
        // Noted once per meaning: "adam" and "Adam" are one optimizer.
        linked.add(note);
        out.push({ text: m[0], name: true, note });
      } else out.push({ text: m[0], name: true });
      at = m.index + m[0].length;
    }
    if (at < sentence.length) push(sentence.slice(at));
    return out;
  };
  return (sentence) =>
    isolatedRuns(sentence).flatMap(({ text, isolated }) =>
      isolated ? [{ text, isolated: true as const, ...(nameSet.has(text) ? { name: true as const } : {}) }] : markRun(text),
    );
}

/** Marks names only (a chart's labels link no glossary term). */
export const nameMarker = (names: string[]) => glossaryLinker({ terms: [] }, names);

/** Marks only the isolated runs of a text (a title a user wrote), for <bdi>. */
export const userParts = nameMarker([]);

/** Every string a spec holds (labels, names, identifiers such as "relu"), for marking as names. */
export function specStrings(spec: unknown): string[] {
  if (typeof spec === 'string') return [spec];
  if (Array.isArray(spec)) return spec.flatMap(specStrings);
  if (spec && typeof spec === 'object') return Object.entries(spec).flatMap(([key, value]) => (key === 'title' ? [] : specStrings(value)));
  return [];
}

/**
 * The names a page keeps as written, about a study (its spec, or the facts its listing holds) or
 * about none: on a page not in English, every string of the spec (or of the facts), its dataset's
 * name, the range test's rules, the seed streams and the locale's own kept names.
 */
export function keptNames(study: StudySpec | StudyFacts | null, locale: Locale): string[] {
  if (locale === 'en') return [];
  const own =
    study === null
      ? []
      : isFacts(study)
        ? [study.dataset ?? '', ...specStrings(study.digest)]
        : [...specStrings(study), datasetLabelOf(study) ?? ''];
  return [...own, ...readingsOf('lr-range-test').rules, ...STREAM_NAMES, ...KEPT_AS_WRITTEN[locale]];
}
const isFacts = (study: StudySpec | StudyFacts): study is StudyFacts => 'dataset' in study && typeof study.dataset === 'string';
