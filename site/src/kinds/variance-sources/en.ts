import type { VarianceSourcesDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { notAnswered } from '../notAnswered.ts';
import { trainingMethod } from '../setupMethod.ts';
import { addUpFacts, byUse, singleSources, sourceOf, spreadWords } from './facts.ts';

const f = formatFor('en');
const ui = t('en');
const { points, interval, pctInterval, spread } = spreadWords('en');
const SOURCE_NAMES: Record<string, string> = {
  data: 'data',
  split: 'split',
  init: 'init',
  order: 'order',
  dropout: 'dropout',
  all: 'all',
};
const name = (s: string) => SOURCE_NAMES[s] ?? s;
const CANNOT_VARY = {
  'bundled-data': 'the dataset is bundled',
  'fixed-split': 'the split is a fixed index rule',
  'no-dropout': 'the model has no dropout',
};
/** Why a source cannot vary in a spec (src/studies/variance-sources/document.ts, UNUSED_REASONS). */
const UNUSED = {
  'bundled-data': 'The dataset is bundled: the data stream generates nothing.',
  'fixed-split': 'The split is a fixed index rule here: it has no randomness to vary.',
  'no-dropout': 'The model has no dropout: this stream is never used.',
};

export const en = {
  name: 'Variance sources',
  question: (doc) =>
    `Why does the same network give a different accuracy on every run? Each source of randomness (${f.list(singleSources(doc).map(name))}) varies alone over ${doc.spec.runs} runs while the others stay at seed ${doc.spec.baseSeed}; then all vary at once; and ${ui.words.seeds(doc.spec.implementationSeeds)} train on both the cpu and the wasm backend.`,
  title: (doc) => `Where the variance comes from: ${doc.spec.dataset.name}, ${doc.spec.runs} runs per source`,
  presetTitles: { 'digits-variance-sources': () => 'Why does every run give a different accuracy? Sources of variance on digits' },
  headline(doc) {
    const [largest] = doc.verdict;
    const top =
      largest.question !== 'largest-source' || largest.facts.leader === null
        ? ui.words.none
        : largest.outcome.is === 'winner'
          ? name(largest.facts.leader)
          : `tied: ${f.list([largest.facts.leader, ...largest.facts.tiedWith].map(name))}`;
    return `all sources: std ${points(sourceOf(doc, 'all')?.std ?? null)}; largest single source: ${top}`;
  },
  badge: (doc) => `std ${points(sourceOf(doc, 'all')?.std ?? null)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      if (v.question === 'largest-source') {
        const question = 'Why does the same network give a different accuracy on every run?';
        // The leader is null exactly when the outcome is undecided.
        if (v.outcome.is === 'undecided' || v.facts.leader === null)
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided['all-diverged'] };
        const { leader, tiedWith, comparisons, level } = v.facts;
        const { varied, fixed } = byUse(doc, v.facts.ranking);
        const cannotVary = fixed
          .map((s) => {
            const reason = sourceOf(doc, s)?.unusedBecause;
            return reason ? ` ${name(s)} cannot vary: ${CANNOT_VARY[reason]}.` : '';
          })
          .join('');
        const singles = varied.map((source) => {
          const s = sourceOf(doc, source);
          const share = s?.share == null ? '' : ` (${f.pct(s.share)}${pctInterval(s.shareInterval)} of the single-source variance)`;
          return `${name(source)} ${spread(doc, source)}${share}`;
        });
        const ratios = comparisons
          .filter((c) => varied.includes(c.against))
          .map((c) =>
            c.ratio === null
              ? `${name(c.against)} has no spread`
              : `×${f.num(c.ratio, 2)}${interval(c.interval, (x) => f.num(x, 2))} over ${name(c.against)}`,
          )
          .join(', ');
        const ranking =
          v.outcome.is === 'winner'
            ? `${name(leader)} is the largest: its variance exceeds every other source’s (variance ratios with ${f.pct(level, 2)} F intervals: ${ratios}).`
            : `${name(leader)} has the largest spread, but it is tied with ${f.list(tiedWith.map(name))}: their variance ratio’s ${f.pct(level, 2)} F interval includes 1 (${ratios}).`;
        const { testSampling } = doc;
        const scale =
          testSampling.standardError === null || testSampling.accuracy === null
            ? ''
            : ` For scale: one test accuracy of ${f.pct(testSampling.accuracy)} on ${testSampling.testRows} test rows has a binomial standard error of ${points(testSampling.standardError)} (√(p(1−p)/n)): what scoring on another test set of that size alone would change.${sourceOf(doc, 'split')?.unusedBecause === 'fixed-split' ? ' The split is fixed here, so every run is scored on the same rows and no measured source contains this error.' : ''}`;
        return {
          question,
          short: v.outcome.is === 'winner' ? name(leader) : `${ui.words.tied}: ${f.list([leader, ...tiedWith].map(name))}`,
          tone: 'neutral' as const,
          answer: `${ranking} Varying every source at once moves test accuracy by a standard deviation of ${spread(doc, 'all')} (95% interval). One source at a time: ${singles.join(', ')}.${cannotVary}${scale}`,
        };
      }
      if (v.question === 'sources-add-up') {
        const question = 'Do the single sources add up to all of them at once?';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'neutral' as const, answer: ui.words.undecided[v.outcome.because] };
        const facts = addUpFacts(v.facts);
        const measured = `If the sources added independently, all at once would have a standard deviation of √(sum of single variances) = ${points(facts.expectedStd)}; it has ${points(facts.allStd)}. Variance of all over the sum: ${f.num(facts.ratio, 2)}${interval(v.facts.ratioInterval, (x) => f.num(x, 2))} (95% bootstrap).`;
        if (v.outcome.is === 'yes')
          return {
            question,
            short: ui.words.yes,
            tone: 'neutral' as const,
            answer: `Yes, within the noise: the interval contains 1. ${measured}`,
          };
        return {
          question,
          short: ui.words.no,
          tone: 'neutral' as const,
          answer: facts.above
            ? `No: together the sources spread accuracy more than the sum of their separate effects (they interact). ${measured}`
            : `No: together the sources spread accuracy less than the sum of their separate effects (their effects overlap). ${measured}`,
        };
      }
      const im = doc.implementation;
      if (v.outcome.is === 'undecided')
        return notAnswered('en', 'Do the cpu and wasm backends give the same model for the same seed?', v.outcome.because);
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
    `Sources: for each of ${f.list(singleSources(doc).map(name))}, runs 1–${doc.spec.runs} vary that stream while every other stream stays at seed ${doc.spec.baseSeed}; "all" varies every stream. A source’s share is its variance over the sum of the single sources’ variances.`,
    'Uncertainty: each standard deviation has a 95% chi-square interval (normal runs assumed); each share a 95% percentile bootstrap interval (2000 resamples, each source’s runs resampled on their own); the largest source is compared with each other by the F interval of their variance ratio (Bonferroni-adjusted). Test-set sampling is the binomial standard error √(p(1−p)/n), as Bouthillier et al. (MLSys 2021) account for it.',
    `Implementation: seeds 1–${doc.spec.implementationSeeds} train on cpu and on wasm, compared by fingerprint, largest weight difference and accuracy.`,
  ],
  labels: {
    heading: 'Variance by source',
    stdAxis: 'std of test accuracy (points)',
    alt: 'Standard deviation of test accuracy, with its 95% interval, when each source of randomness varies alone, and all at once; a dashed line marks the test-set sampling error.',
    testSamplingMark: 'test-set sampling',
    groupsAlt: 'Test accuracy of every run for each source (dots) and the source mean (tick).',
    seedDot: (seed: number, value: string) => `run ${seed}: ${value}`,
    source: 'Source',
    sourceName: name,
    stdWithInterval: 'Std [95% interval]',
    share: 'Share [95% interval]',
    unused: UNUSED,
    implementationHeading: 'Implementation level: cpu against wasm',
    maxWeightDiff: 'max |Δw|',
    accuracyCpuWasm: 'accuracy cpu / wasm',
  },
} satisfies KindWords<VarianceSourcesDocument> & { labels: object };

export type VarianceSourcesWords = typeof en;
