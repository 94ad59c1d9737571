import type { SeedVarianceDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { notAnswered } from '../notAnswered.ts';
import { dataShape, trainingMethod } from '../setupMethod.ts';

const f = formatFor('en');
const ui = t('en');

export const en = {
  name: 'Seed variance',
  question: (doc) =>
    `Train the same network on the same data with ${doc.runs.length} different seeds. Does the same seed give the same weights, and how far does test accuracy move from seed to seed?`,
  title: (doc) =>
    `Seed variance: ${doc.spec.dataset.name}, MLP ${doc.model.layerSizes.join('-')}, ${doc.spec.training.optimizer.kind}, ${ui.words.seeds(doc.runs.length)}`,
  presetTitles: {
    'digits-reference': (doc) => `How much does the seed move accuracy? Digits MLP, ${ui.words.seeds(doc.runs.length)}`,
    'moons-dropout': () => 'Seed variance on noisy moons with dropout',
    'iris-small': () => 'Seed variance on iris (tiny network)',
  },
  headline(doc) {
    const s = doc.summary;
    const repeats = !doc.repeatability.seeds.length
      ? 'repeatability not measured'
      : doc.repeatability.identical
        ? 'deterministic ✓'
        : 'not deterministic ✗';
    return s
      ? `${ui.words.seeds(doc.runs.length)}: ${f.pct(s.mean)}, std ${ui.words.points(f.points(s.std))}; ${repeats}`
      : `${ui.words.seeds(doc.runs.length)}: all diverged`;
  },
  badge: (doc) => (doc.summary ? `${f.pct(doc.summary.mean)}, std ${ui.words.points(f.points(doc.summary.std))}` : 'diverged'),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const repeated = f.list(doc.repeatability.seeds);
      if (v.question === 'same-seed-same-weights') {
        const { seed, fingerprint } = v.facts.example;
        if (v.outcome.is === 'undecided') return notAnswered('en', 'Same seed, same weights?', v.outcome.because);
        return v.outcome.is === 'yes'
          ? {
              question: 'Same seed, same weights?',
              short: 'Yes ✓',
              tone: 'good' as const,
              answer: `Yes. Seeds ${repeated} were trained again in another group and every SHA-256 fingerprint matched bit for bit (seed ${seed}: ${fingerprint.slice(0, 12)}…, on ${doc.environment.backend}).`,
            }
          : {
              question: 'Same seed, same weights?',
              short: 'No ✗',
              tone: 'bad' as const,
              answer: `No. Seeds ${f.list(doc.repeatability.mismatches.map((m) => m.seed))} gave different weights when trained again.`,
            };
      }
      const s = doc.summary;
      const question = 'How far does test accuracy move from seed to seed?';
      if (v.outcome.is === 'undecided' || !s)
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided['all-diverged'] };
      const diverged = v.facts.diverged ? ` ${v.facts.diverged} run(s) diverged (the loss became NaN or infinite) and are left out.` : '';
      if (v.outcome.is === 'no')
        return {
          question,
          short: ui.words.points(f.points(0)),
          tone: 'neutral' as const,
          answer: `Not at all: all ${v.facts.finished} seeds reached ${f.pct(s.mean, 2)}.${diverged}`,
        };
      return {
        question,
        short: ui.words.points(f.points(s.max - s.min, 1)),
        tone: 'neutral' as const,
        answer:
          `From ${f.pct(s.min)} (seed ${s.worst.seed}) to ${f.pct(s.max)} (seed ${s.best.seed}) over ${ui.words.seeds(s.n)}: ` +
          `mean ${f.pct(s.mean)}, standard deviation ${ui.words.points(f.points(s.std))}, 95% confidence interval of the mean ${f.pct(s.ci95.t[0])} – ${f.pct(s.ci95.t[1])}.${diverged}`,
      };
    }),
  method: (doc) => trainingMethod('en', doc.spec, dataShape(doc)),
  labels: {
    spread: 'How far accuracy moves',
    perSeed: 'Test accuracy of every seed',
    perSeedAlt: (n: number, mean: string, lo: string, hi: string) =>
      `Dot plot of ${n} seeds’ test accuracy, with the mean ${mean} and its 95% confidence interval ${lo} – ${hi}.`,
    perSeedNote: 'One dot per seed. The line is the mean; the band is the 95% confidence interval of the mean (Student t).',
    seedDot: (seed: number, accuracy: string) => `seed ${seed}: ${accuracy}`,
    histogram: 'Distribution',
    histogramAlt: 'Histogram of test accuracy across seeds.',
    curves: 'Training curves',
    curvesNote: 'Thin lines: one per seed. Thick line: the median across seeds.',
    testAccuracyCurve: 'Test accuracy per epoch',
    trainLossCurve: 'Training loss per epoch',
    curvesAlt: (what: string) => `${what}: one thin line per seed and a thick median line.`,
    lossAxis: 'training loss',
    epochAxis: 'epoch',
    countAxis: 'seeds',
    statistics: 'Statistics',
    minMax: 'min / max',
    bestWorst: 'Best and worst seeds',
    best: (seed: number, accuracy: string) => `Best: seed ${seed}, ${accuracy}`,
    worst: (seed: number, accuracy: string) => `Worst: seed ${seed}, ${accuracy}`,
    outliers: 'Outliers (beyond 1.5 IQR)',
    outlier: (seed: number, accuracy: string) => `seed ${seed} (${accuracy})`,
    table: 'Every seed',
    testLoss: 'Test loss',
    trainLoss: 'Train loss',
  },
} satisfies KindWords<SeedVarianceDocument> & { labels: object };

export type SeedVarianceWords = typeof en;
