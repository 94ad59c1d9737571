import type { CompareDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { trainingMethod } from '../setupMethod.ts';

const f = formatFor('en');
const ui = t('en');
const pts = (x: number) => ui.words.points(f.points(x));

export const en = {
  name: 'A/B comparison',
  question: (doc) =>
    `Is ${doc.spec.a.label} better than ${doc.spec.b.label}? Both train over the same ${ui.words.seeds(doc.spec.seeds.length)}, and each seed’s two accuracies are paired.`,
  title: (doc) => `${doc.spec.a.label} against ${doc.spec.b.label}, ${ui.words.seeds(doc.spec.seeds.length)}`,
  presetTitles: { 'digits-adam-vs-sgd': (doc) => `Adam or SGD with momentum? ${ui.words.seeds(doc.spec.seeds.length)} on digits` },
  headline(doc) {
    const d = doc.difference;
    return d
      ? `${doc.arms[0].label} − ${doc.arms[1].label}: ${pts(d.meanDiff)} [${f.points(d.ci95[0])}, ${f.points(d.ci95[1])}]`
      : 'no verdict';
  },
  badge: (doc) => (doc.difference ? `Δ ${pts(doc.difference.meanDiff)}` : ui.words.notAvailable),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const [A, B] = doc.arms;
      const question = `Is ${A.label} better than ${B.label}?`;
      const d = doc.difference;
      if (v.outcome.is === 'undecided' || !d || !A.summary || !B.summary) {
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided['all-diverged'] };
      }
      const winner = v.outcome.is === 'winner' ? (v.outcome.who === 'a' ? A.label : B.label) : null;
      const effect = pts(v.facts.effectSize);
      const conclusion = winner
        ? `${v.outcome.is === 'winner' && v.outcome.who === 'a' ? 'Yes' : 'No'}: ${winner} is better, because the interval excludes zero.`
        : v.facts.withinEffectSize
          ? `Tied: the interval includes zero, and it lies within ±${effect}, so any real difference is smaller than that.`
          : `Tied: the interval includes zero, so the difference is within the noise; it does not rule out a difference of ${effect}.`;
      const needed = doc.seedsNeeded
        ? ` With this spread of the paired differences (sd ${pts(d.sdDiff)}), detecting a difference of ${pts(doc.seedsNeeded.effectSize)} at 5% with 80% power takes about ${doc.seedsNeeded.seeds} seeds, each trained with both.`
        : '';
      const p =
        doc.probabilityABeatsB === null
          ? ''
          : ` On a fresh seed, ${A.label} beats ${B.label} with probability ${f.pct(doc.probabilityABeatsB)}.`;
      return {
        question,
        short: winner ?? ui.words.tied,
        tone: 'neutral' as const,
        answer:
          `${A.label} ${f.pct(A.summary.mean)} against ${B.label} ${f.pct(B.summary.mean)}: a difference of ${pts(d.meanDiff)} ` +
          `(95% paired t interval ${f.points(d.ci95[0])} to ${f.points(d.ci95[1])}). ${conclusion}${p}${needed}`,
      };
    }),
  method: (doc) => [
    `Arm A, ${doc.spec.a.label}: ${trainingMethod('en', doc.spec.a, null).join(' ')}`,
    `Arm B, ${doc.spec.b.label}: ${trainingMethod('en', doc.spec.b, null).join(' ')}`,
    ui.method.seeds(doc.spec.seeds, f),
    'Difference: the mean of the paired differences (A − B, seed by seed) with a 95% paired t interval (a percentile bootstrap undercovers at ten or so seeds).',
    `Seeds needed: for a paired t test at 5% (two-sided) with 80% power to detect ${pts(doc.spec.effectSize)} (the spec’s effectSize), from the measured spread of the differences, by Guenther’s formula n = ((z.975 + z.8)·sd/δ)² + z.975²/2.`,
  ],
  labels: {
    heading: 'The two configurations',
    groupsAlt: 'Test accuracy of every seed in each arm (dots) and the arm mean (tick).',
    seedDot: (seed: number, value: string) => `seed ${seed}: ${value}`,
    differenceAxis: 'accuracy difference (points), 95% paired t interval',
    differenceAlt:
      'The difference in accuracy between the two configurations with its confidence interval; the shaded band spans ± the effect size.',
    differenceLabel: (a: string, b: string) => `${a} − ${b}`,
    betterSide: (arm: string, side: 'left' | 'right') => (side === 'left' ? `← ${arm} better` : `${arm} better →`),
    probability: 'P(A beats B on a fresh seed)',
    seedsNeeded: (effect: string) => `Seeds to detect ${effect} (paired)`,
  },
} satisfies KindWords<CompareDocument> & { labels: object };

export type CompareWords = typeof en;
