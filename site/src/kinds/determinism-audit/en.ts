import type { DeterminismAuditDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { trainingMethod } from '../setupMethod.ts';

const f = formatFor('en');
const ui = t('en');
const model = (id: string) => ui.models[id] ?? id;
type Row = DeterminismAuditDocument['rows'][number];
type Comparison = Row['comparisons']['sameSeed'];

const CLASS_NAMES = {
  deterministic: 'deterministic',
  'order-dependent': 'order-dependent',
  'seed-dependent': 'seed-dependent',
  nondeterministic: 'nondeterministic',
};
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const CLASS_MEANINGS = {
  deterministic: 'the same model whatever the seed and the row order',
  'order-dependent': 'the same model for every seed, another when the rows come in another order',
  'seed-dependent': 'another model with another seed, the same one again with the same seed',
  nondeterministic: 'another model when the same seed runs again on the same rows',
};

/** A comparison in a few words: identical, the same predictions (and how far the parameters moved), or other predictions. */
function comparison(c: Comparison): string {
  if (c.outcome === 'bit-identical') return 'bit-identical';
  const moved = c.maxAbsParameterDiff === null ? '' : `, parameters differ by up to ${f.sci(c.maxAbsParameterDiff)}`;
  return c.outcome === 'same-predictions' ? `same predictions${moved}` : `different predictions${moved}`;
}

export const en = {
  name: 'Determinism audit',
  question: (doc) =>
    `Does every algorithm give the same model every time? ${f.list(doc.spec.models.map(model))} are each fitted four times: with seed ${doc.spec.seed}, with seed ${doc.spec.seed} again, with seed ${doc.spec.otherSeed} on the same data and split, and with seed ${doc.spec.seed} and the training rows in another order. The models are compared bit for bit.`,
  title: (doc) => `Determinism audit: ${doc.spec.dataset.name}, ${doc.rows.length} algorithms`,
  presetTitles: { 'digits-determinism': () => 'Does every algorithm give the same model every time? (digits)' },
  headline: (doc) =>
    (['deterministic', 'order-dependent', 'seed-dependent', 'nondeterministic'] as const)
      .flatMap((c) => (doc.verdict[0].facts[c].length ? [`${CLASS_NAMES[c]}: ${f.list(doc.verdict[0].facts[c].map(model))}`] : []))
      .join('; '),
  badge: (doc) => `${doc.verdict[0].facts.deterministic.length}/${doc.rows.length} deterministic`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const yes = v.outcome.is === 'yes';
      const classes = (['deterministic', 'order-dependent', 'seed-dependent', 'nondeterministic'] as const).flatMap((c) =>
        v.facts[c].length ? [`${capitalized(CLASS_NAMES[c])} (${CLASS_MEANINGS[c]}): ${f.list(v.facts[c].map(model))}`] : [],
      );
      const same = v.facts.deterministic.length;
      return {
        question: 'Does every algorithm give the same model every time?',
        short: yes ? 'Yes' : 'No',
        tone: 'neutral' as const,
        answer: `${yes ? 'Yes' : 'No'}: ${same} of ${doc.rows.length} algorithms ${same === 1 ? 'gives' : 'give'} the same model whatever the seed and the row order. ${classes.join('. ')}.`,
      };
    }),
  method: (doc) => [
    ...trainingMethod('en', doc.spec, null),
    `Fits: seed ${doc.spec.seed}; seed ${doc.spec.seed} again; seed ${doc.spec.otherSeed} on the same data and split (the data and split streams stay at seed ${doc.spec.seed}, so only the algorithm's own randomness changes); seed ${doc.spec.seed} with the training rows in a fixed other order.`,
    doc.spec.training.reductionOrder === 'shuffled'
      ? 'Shuffled reductions: every batch sums its rows in another order on every run, even with the same seed, as unordered parallel reductions do on GPUs.'
      : 'Reductions: every sum runs in a fixed order, so the same seed repeats bit for bit.',
    'Comparison: the learned parameters bit for bit (kNN has none, so its test predictions are compared); when they differ, the test predictions, and the largest parameter difference.',
    'Trees, as in scikit-learn: every node visits the features in an order drawn from the seed and keeps the first best split, so ties between features go to the seed.',
  ],
  labels: {
    heading: 'The audit',
    algorithm: 'Algorithm',
    sameSeed: 'Same seed again',
    otherSeed: 'Another seed',
    permuted: 'Rows reordered',
    category: 'Class',
    comparedBy: 'Compared',
    compared: { parameters: 'parameters', predictions: 'predictions' },
    comparison,
    className: (c: Row['category']) => CLASS_NAMES[c],
    alt: 'Test accuracy of each algorithm.',
    modelName: model,
    driftHeading: 'How a difference in the last bits grows',
    driftAxis: 'largest weight difference between two runs of the same seed',
    epochAxis: 'epoch',
    driftAlt: 'After each epoch, the largest weight difference between two runs of the same seed on the same rows.',
    driftCaption: (last: string) =>
      `Two runs of the same seed that sum in different orders; after the last epoch their weights differ by up to ${last}.`,
    noDrift: 'The two runs of the same seed stayed bit-identical after every epoch.',
  },
} satisfies KindWords<DeterminismAuditDocument> & { labels: object };

export type DeterminismAuditWords = typeof en;
