import type { DataSizeDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { trainingMethod } from '../setupMethod.ts';

const f = formatFor('en');
const ui = t('en');
const model = (id: string) => ui.models[id] ?? id;
const meanAt = (doc: DataSizeDocument, id: string, k: number) => doc.curves.find((c) => c.model === id)?.points[k]?.mean ?? Number.NaN;

export const en = {
  name: 'Data size',
  question: (doc) =>
    `Does deep learning need more data than classic ML? ${f.list(doc.spec.models.map(model))} learn from ${f.list(doc.spec.sizes)} training rows, ${ui.words.seeds(doc.spec.seeds.length)} (random subsets) per size, and are scored on the same ${doc.testRows} test rows.`,
  title: (doc) =>
    `Learning curves: ${doc.spec.dataset.name}, MLP against classic models, ${doc.spec.sizes[0]} to ${doc.spec.sizes[doc.spec.sizes.length - 1]} rows`,
  presetTitles: {
    'digits-data-size': () => 'Does deep learning need more data? Learning curves on digits',
    'spiral-data-size': () => 'Learning curves on a spiral: the MLP against classic models',
  },
  headline(doc) {
    const { leaders } = doc.verdict[0].facts;
    const first = leaders[0];
    const last = leaders[leaders.length - 1];
    return `best at ${first.size} rows: ${model(first.model)}; at ${last.size}: ${model(last.model)}`;
  },
  badge: (doc) => `best: ${model(doc.verdict[0].facts.leaders[doc.verdict[0].facts.leaders.length - 1].model)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const { leaders, crossovers } = v.facts;
      const k = leaders.length - 1;
      const first = leaders[0];
      const last = leaders[k];
      const hasMlp = doc.curves.some((c) => c.model === 'mlp');
      const mlp = hasMlp ? ` The MLP goes from ${f.pct(meanAt(doc, 'mlp', 0))} to ${f.pct(meanAt(doc, 'mlp', k))}.` : '';
      const crossings = crossovers.map((x) =>
        x.direction === 'mlp-overtakes'
          ? `the MLP overtakes ${model(x.model)} at ${x.size} rows`
          : `${model(x.model)} overtakes the MLP at ${x.size} rows`,
      );
      const cross = crossings.length
        ? ` Crossovers: ${crossings.join('; ')}.`
        : hasMlp
          ? ' No crossovers: the order between the MLP and each classic model stays the same at every size.'
          : '';
      return {
        question: 'Does deep learning need more data than classic ML?',
        short: `${model(last.model)} at ${last.size} rows`,
        tone: 'neutral' as const,
        answer:
          `With ${first.size} training rows the best model is ${model(first.model)} (${f.pct(meanAt(doc, first.model, 0))}); with ${last.size} it is ${model(last.model)} (${f.pct(meanAt(doc, last.model, k))}).` +
          mlp +
          cross,
      };
    }),
  method: (doc) => [
    ...trainingMethod(
      'en',
      { ...doc.spec, pins: {} },
      null,
      `Learning rate: constant ${doc.spec.training.optimizer.lr}; the MLP trains for ${doc.spec.steps} steps at every size (a fixed budget).`,
    ),
    `Subsets: at each size, ${ui.words.seeds(doc.spec.seeds.length)} draw a stratified subset of the ${doc.trainRows} training rows from their split stream; scaling statistics come from the subset; the ${doc.testRows} test rows stay the same.`,
    `Classic models: logistic regression (softmax, L2 as scikit-learn’s C = 1), kNN (k = ${doc.spec.knnK}), a fully grown decision tree, a random forest of ${doc.spec.forestTrees} trees.`,
  ],
  labels: {
    heading: 'Learning curves',
    caption: (seeds: number, testRows: number) =>
      `Mean ± standard deviation over ${seeds} stratified subsets per size; the test set is the same ${testRows} rows.`,
    alt: 'Mean test accuracy of each model against the training-set size, with ± one standard deviation.',
    sizeAxis: 'training rows',
    model: 'Model',
    crossoversLine: (list: string) => `Crossovers: ${list}.`,
    crossover: (x: { model: string; size: number; direction: 'mlp-overtakes' | 'model-overtakes' }) =>
      x.direction === 'mlp-overtakes'
        ? `the MLP overtakes ${model(x.model)} at ${x.size} rows`
        : `${model(x.model)} overtakes the MLP at ${x.size} rows`,
    leadersLine: (list: string) => `Best model at each size: ${list}.`,
    leader: (size: number, id: string) => `${size} rows: ${model(id)}`,
  },
} satisfies KindWords<DataSizeDocument> & { labels: object };

export type DataSizeWords = typeof en;
