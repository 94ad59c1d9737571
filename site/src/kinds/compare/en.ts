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
      const conclusion = winner
        ? `${v.outcome.is === 'winner' && v.outcome.who === 'a' ? 'Yes' : 'No'}: ${winner} is better, because the interval excludes zero.`
        : 'Tied: the interval includes zero, so the difference is within the noise.';
      const needed = doc.seedsToDetect
        ? ` Detecting a difference this size at 95% with 80% power takes about ${doc.seedsToDetect} seeds per arm.`
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
          `(95% bootstrap confidence interval ${f.points(d.ci95[0])} to ${f.points(d.ci95[1])}, paired by seed). ${conclusion}${p}${needed}`,
      };
    }),
  method: (doc) => [
    `Arm A, ${doc.spec.a.label}: ${trainingMethod('en', doc.spec.a, null).join(' ')}`,
    `Arm B, ${doc.spec.b.label}: ${trainingMethod('en', doc.spec.b, null).join(' ')}`,
    ui.method.seeds(doc.spec.seeds, f),
    'Difference: the mean of the paired differences (A − B, seed by seed), with a percentile bootstrap interval of 10,000 resamples.',
  ],
  labels: {
    heading: 'The two configurations',
    groupsAlt: 'Test accuracy of every seed in each arm (dots) and the arm mean (tick).',
    seedDot: (seed: number, value: string) => `seed ${seed}: ${value}`,
    differenceAxis: 'accuracy difference (points), 95% bootstrap interval',
    differenceAlt: 'The difference in accuracy between the two configurations with its confidence interval.',
    differenceLabel: (a: string, b: string) => `${a} − ${b}`,
    probability: 'P(A beats B on a fresh seed)',
    seedsNeeded: 'Seeds per arm to detect it',
  },
} satisfies KindWords<CompareDocument> & { labels: object };

export type CompareWords = typeof en;
