import type { VarianceSourcesDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { trainingMethod } from '../setupMethod.ts';

const f = formatFor('en');
const ui = t('en');
const std = (x: number | null) => (x === null ? ui.words.notAvailable : ui.words.points(f.points(x)));
const SOURCE_NAMES: Record<string, string> = { init: 'init', order: 'order', split: 'split', dropout: 'dropout', all: 'all' };

export const en = {
  name: 'Variance sources',
  question: (doc) =>
    `Why does the same network give a different accuracy on every run? Each source of randomness (init, order, split, dropout) varies alone over ${doc.spec.runs} runs while the others stay at seed ${doc.spec.baseSeed}; then all vary at once; and ${ui.words.seeds(doc.spec.implementationSeeds)} train on both the cpu and the wasm backend.`,
  title: (doc) => `Where the variance comes from: ${doc.spec.dataset.name}, ${doc.spec.runs} runs per source`,
  presetTitles: { 'digits-variance-sources': () => 'Why does every run give a different accuracy? Sources of variance on digits' },
  headline(doc) {
    const all = doc.sources.find((s) => s.name === 'all');
    const [largest] = doc.verdict;
    const top = largest.question === 'largest-source' && largest.outcome.is === 'winner' ? largest.outcome.who : ui.words.none;
    return `all sources: std ${std(all?.std ?? null)}; largest single source: ${top}`;
  },
  badge: (doc) => `std ${std(doc.sources.find((s) => s.name === 'all')?.std ?? null)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      if (v.question === 'largest-source') {
        const question = 'Why does the same network give a different accuracy on every run?';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
        const all = doc.sources.find((s) => s.name === 'all');
        const singles = v.facts.ranking.map((name) => {
          const s = doc.sources.find((x) => x.name === name);
          const share = s?.share == null ? '' : ` (${f.pct(s.share)} of the single-source variance)`;
          return `${SOURCE_NAMES[name]} ${std(s?.std ?? null)}${share}`;
        });
        return {
          question,
          short: v.outcome.is === 'winner' ? SOURCE_NAMES[v.outcome.who] : ui.words.tied,
          tone: 'neutral' as const,
          answer: `Varying every source at once moves test accuracy by a standard deviation of ${std(all?.std ?? null)}. One source at a time: ${singles.join(', ')}.`,
        };
      }
      const im = doc.implementation;
      const yes = v.outcome.is === 'yes';
      return {
        question: 'Do the cpu and wasm backends give the same model for the same seed?',
        short: yes ? 'Yes' : 'No',
        tone: 'neutral' as const,
        answer: `${yes ? 'Yes' : 'No'}: ${v.facts.identical} of ${v.facts.seeds} seeds have identical fingerprints. The largest weight difference is ${f.sci(im.maxAbsWeightDiff)}, and accuracy differs by at most ${ui.words.points(f.points(im.maxAbsAccuracyDiff))}.`,
      };
    }),
  method: (doc) => [
    ...trainingMethod('en', doc.spec, null),
    `Sources: for each of init, order, split and dropout, runs 1–${doc.spec.runs} vary that stream while every other stream stays at seed ${doc.spec.baseSeed}; "all" varies every stream. A source’s share is its variance over the sum of the single sources’ variances.`,
    `Implementation: seeds 1–${doc.spec.implementationSeeds} train on cpu and on wasm, compared by fingerprint, largest weight difference and accuracy.`,
  ],
  labels: {
    heading: 'Variance by source',
    stdAxis: 'std of test accuracy (points)',
    alt: 'Standard deviation of test accuracy when each source of randomness varies alone, and all at once.',
    groupsAlt: 'Test accuracy of every run for each source (dots) and the source mean (tick).',
    seedDot: (seed: number, value: string) => `run ${seed}: ${value}`,
    source: 'Source',
    sourceName: (name: string) => SOURCE_NAMES[name] ?? name,
    share: 'Share',
    unused: {
      'fixed-split': 'The split is a fixed index rule here: it has no randomness to vary.',
      'no-dropout': 'The model has no dropout: this stream is never used.',
    },
    implementationHeading: 'Implementation level: cpu against wasm',
    maxWeightDiff: 'max |Δw|',
    accuracyCpuWasm: 'accuracy cpu / wasm',
  },
} satisfies KindWords<VarianceSourcesDocument> & { labels: object };

export type VarianceSourcesWords = typeof en;
