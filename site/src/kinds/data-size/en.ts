import type { DataSizeDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { pairedWords } from '../pairedWords.ts';
import { trainingMethod } from '../setupMethod.ts';
import { type Crossover, type Leader, meanAt } from './facts.ts';

const f = formatFor('en');
const ui = t('en');
const paired = pairedWords('en');
const model = (id: string) => ui.models[id] ?? id;
const pctOrNa = (x: number | null) => (x === null ? ui.words.notAvailable : f.pct(x));

/** Who leads at one size: one model, or the leader and the models tied with it. */
function leaderName(l: Leader): string {
  if (l.leader === null) return 'every run diverged';
  return l.tiedWith.length ? `tied: ${f.list([l.leader, ...l.tiedWith].map(model))}` : model(l.leader);
}

function leaderSentence(doc: DataSizeDocument, l: Leader, k: number): string {
  if (l.leader === null) return `With ${l.size} training rows every run diverged.`;
  const lead = `${model(l.leader)} (${pctOrNa(meanAt(doc, l.leader, k))})`;
  if (!l.tiedWith.length) return `With ${l.size} training rows ${lead} is best, ahead of every other model on the same subsets.`;
  return `With ${l.size} training rows ${lead} has the highest mean, but it is tied with ${f.list(l.tiedWith.map(model))} (within the noise).`;
}

const crossing = (x: Crossover) =>
  x.direction === 'mlp-overtakes'
    ? `the MLP overtakes ${model(x.model)} between ${x.after} and ${x.size} rows`
    : `${model(x.model)} overtakes the MLP between ${x.after} and ${x.size} rows`;

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
    return `best at ${first.size} rows: ${leaderName(first)}; at ${last.size}: ${leaderName(last)}`;
  },
  badge: (doc) => {
    const { leaders } = doc.verdict[0].facts;
    const last = leaders[leaders.length - 1];
    return last.leader !== null && !last.tiedWith.length
      ? `best: ${model(last.leader)}`
      : `${ui.words.tied.toLowerCase()} at ${last.size} rows`;
  },
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const { leaders, crossovers, mlpAgainst, divergedRuns } = v.facts;
      const k = leaders.length - 1;
      const last = leaders[k];
      const hasMlp = doc.curves.some((c) => c.model === 'mlp');
      const mlp = hasMlp ? ` The MLP goes from ${pctOrNa(meanAt(doc, 'mlp', 0))} to ${pctOrNa(meanAt(doc, 'mlp', k))}.` : '';
      const level = mlpAgainst[0]?.level;
      // The yes or no is read off the crossovers the engine found: the MLP overtaking a classic
      // model as rows grow means it needed more data; a classic model overtaking it means the reverse.
      const overtakes = crossovers.filter((x) => x.direction === 'mlp-overtakes');
      const overtaken = crossovers.filter((x) => x.direction === 'model-overtakes');
      const answer =
        !hasMlp || level === undefined
          ? null
          : overtakes.length
            ? {
                short: `Yes: the MLP overtakes ${f.list(overtakes.map((x) => model(x.model)))}`,
                sentence: `Yes, here: ${f.list(overtakes.map(crossing))} (${paired.method(level)}).`,
              }
            : overtaken.length
              ? {
                  short: `No: ${f.list(overtaken.map((x) => model(x.model)))} overtake${overtaken.length === 1 ? 's' : ''} the MLP`,
                  sentence: `No, here: ${f.list(overtaken.map(crossing))} (${paired.method(level)}).`,
                }
              : {
                  short: 'Not shown',
                  sentence: `Not shown at these sizes: against each classic model the MLP is never significantly behind at one size and significantly ahead at another, or the reverse (${paired.method(level)}).`,
                };
      const diverged = divergedRuns
        ? ` ${divergedRuns} MLP ${divergedRuns === 1 ? 'run' : 'runs'} diverged and ${divergedRuns === 1 ? 'is' : 'are'} left out of the means.`
        : '';
      return {
        question: 'Does deep learning need more data than classic ML?',
        short:
          answer?.short ??
          (last.leader !== null && !last.tiedWith.length
            ? `${model(last.leader)} at ${last.size} rows`
            : `${ui.words.tied} at ${last.size} rows`),
        tone: 'neutral' as const,
        answer: `${answer ? `${answer.sentence} ` : ''}${leaderSentence(doc, leaders[0], 0)} ${leaderSentence(doc, last, k)}${mlp}${diverged}`,
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
    'Comparisons: every model fits the same subset for a seed, so models are compared seed by seed (paired t intervals, Bonferroni-adjusted). A model leads at a size only when it beats every other significantly; a crossover needs the MLP significantly behind a model at one size and significantly ahead at a later one (or the reverse). Diverged MLP runs are counted and left out.',
  ],
  labels: {
    heading: 'Learning curves',
    caption: (seeds: number, testRows: number) =>
      `Mean ± standard deviation over ${seeds} stratified subsets per size; the test set is the same ${testRows} rows.`,
    alt: 'Mean test accuracy of each model against the training-set size, with ± one standard deviation.',
    sizeAxis: 'training rows',
    model: 'Model',
    divergedNote: (n: number) => `(${n} diverged)`,
    differencesHeading: 'The MLP against each model, seed by seed',
    differencesCaption: (level: string) =>
      `MLP minus the model in percentage points, mean over seeds with its ${level} paired interval; ▲ the MLP is significantly ahead, ▼ behind, = tied.`,
    difference: (meanDiff: number, interval: [number, number] | null, sign: number) =>
      `${sign > 0 ? '▲' : sign < 0 ? '▼' : '='} ${f.points(meanDiff)} ${paired.interval(interval)}`,
    crossoversLine: (list: string) => `Crossovers: ${list}.`,
    crossover: crossing,
    leadersLine: (list: string) => `Best model at each size: ${list}.`,
    leadersSeparator: '; ',
    leader: (l: Leader) => `${l.size} rows: ${leaderName(l)}`,
  },
} satisfies KindWords<DataSizeDocument> & { labels: object };

export type DataSizeWords = typeof en;
