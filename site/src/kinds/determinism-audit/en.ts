import type { DeterminismAuditDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { trainingMethod } from '../setupMethod.ts';

const f = formatFor('en');
const ui = t('en');
const model = (id: string) => ui.models[id] ?? id;

export const en = {
  name: 'Determinism audit',
  question: (doc) =>
    `Does every algorithm give the same model every time? ${f.list(doc.spec.models.map(model))} are each fitted four times: with seed ${doc.spec.seed}, with seed ${doc.spec.seed} again, with seed ${doc.spec.otherSeed}, and with seed ${doc.spec.seed} and the training rows in another order. The models are compared bit for bit.`,
  title: (doc) => `Determinism audit: ${doc.spec.dataset.name}, ${doc.rows.length} algorithms`,
  presetTitles: { 'digits-determinism': () => 'Does every algorithm give the same model every time? (digits)' },
  headline: (doc) => `always the same model: ${f.list(doc.verdict[0].facts.alwaysSame.map(model)) || ui.words.none}`,
  badge: (doc) => `${doc.verdict[0].facts.alwaysSame.length}/${doc.rows.length} always same`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const varies = v.facts.varies.map((id) => {
        const r = doc.rows.find((x) => x.model === id);
        const why = [
          r && !r.sameSeedIdentical && 'even with the same seed',
          r && !r.differentSeedIdentical && 'with another seed',
          r && !r.permutedRowsIdentical && 'with the rows reordered',
        ].filter((x): x is string => Boolean(x));
        return `${model(id)} (${f.list(why)})`;
      });
      const yes = v.outcome.is === 'yes';
      return {
        question: 'Does every algorithm give the same model every time?',
        short: yes ? 'Yes' : 'No',
        tone: 'neutral' as const,
        answer:
          `${yes ? 'Yes' : 'No'}. Always the same model (same seed, another seed, rows in another order): ${f.list(v.facts.alwaysSame.map(model)) || ui.words.none}. ` +
          `A different model when the seed or the row order changes: ${varies.join('; ') || ui.words.none}.`,
      };
    }),
  method: (doc) => [
    ...trainingMethod('en', doc.spec, null),
    `Fits: seed ${doc.spec.seed}; seed ${doc.spec.seed} again; seed ${doc.spec.otherSeed}; seed ${doc.spec.seed} with the training rows in a fixed other order. The MLP and the classic models take their randomness from the seed’s streams.`,
    'Comparison: the learned parameters bit for bit (kNN has none, so its test predictions are compared).',
  ],
  labels: {
    heading: 'The audit',
    algorithm: 'Algorithm',
    sameSeed: 'Same seed, same order: identical?',
    otherSeed: 'Another seed: identical?',
    permuted: 'Same seed, rows reordered: identical?',
    comparedBy: 'Compared',
    compared: { parameters: 'parameters', predictions: 'predictions' },
    samePredictions: ' (same predictions)',
    alwaysSame: 'Always the same model: ',
    varies: 'A different model each time: ',
    alt: 'Test accuracy of each algorithm.',
    modelName: model,
  },
} satisfies KindWords<DeterminismAuditDocument> & { labels: object };

export type DeterminismAuditWords = typeof en;
