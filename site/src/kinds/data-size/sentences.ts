import { type DigestOfKind, type DocumentOfKind, readingsOf } from '../../../../src/index.ts';
import { type Arg, and, type Message, pct, phraseBook, pts, series, val } from '../../presentation/phrases.ts';
import { kindSentences, modelName, pairedInterval, pairedMethod, seeds, svmGamma, trainingMethod } from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'data-size'>;
type Facts = Doc['verdict'][number]['facts'];
type Leader = Pick<Facts['leaders'][number], 'size' | 'leader' | 'tiedWith'>;
type Crossover = Facts['crossovers'][number];
type Difference = Facts['mlpAgainst'][number]['differences'][number];
export const phrases = phraseBook({ en, zh });
const say = phrases.say;
const { meanAt, crossoversByDirection, trainsMlp } = readingsOf('data-size');
const models = (ids: readonly string[]) => and(ids.map(modelName));

/** Who leads at one size: one model, or the leader and the models tied with it. */
export function leaderWords(l: Leader): Arg {
  if (l.leader === null) return say('leader.diverged');
  return l.tiedWith.length ? say('leader.tied', { models: models([l.leader, ...l.tiedWith]) }) : modelName(l.leader);
}

function leaderSentence(doc: Doc, l: Leader, k: number): Message {
  if (l.leader === null) return say('leaderSentence.diverged', { size: l.size });
  const lead = { size: l.size, model: modelName(l.leader), mean: pct(meanAt(doc, l.leader, k)) };
  return l.tiedWith.length ? say('leaderSentence.tied', { ...lead, others: models(l.tiedWith) }) : say('leaderSentence.best', lead);
}

export const crossingWords = (x: Crossover) => say(`crossing.${x.direction}`, { model: modelName(x.model), after: x.after, size: x.size });

/** One cell of the MLP-against-a-model table: its significant direction, the mean difference and its interval. */
export const differenceWords = (d: Difference) =>
  say(d.sign > 0 ? 'labels.difference.ahead' : d.sign < 0 ? 'labels.difference.behind' : 'labels.difference.tied', {
    difference: pts(d.meanDiff),
    interval: pairedInterval(d.interval),
  });

/** Which sentence a data-size study gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'data-size'>>({
  name: say('name'),
  question: (doc) =>
    say('question', {
      models: models(doc.spec.models),
      sizes: and(doc.spec.sizes),
      seeds: seeds(doc.spec.seeds.length),
      testRows: doc.testRows,
    }),
  title: (s) => say('title', { dataset: s.dataset, smallest: s.digest.smallest, largest: s.digest.largest }),
  presetTitles: {
    'digits-data-size': () => say('presetTitles.digits-data-size'),
    'spiral-data-size': () => say('presetTitles.spiral-data-size'),
  },
  headline: ({ digest: d }) =>
    say('headline', { firstSize: d.first.size, first: leaderWords(d.first), lastSize: d.last.size, last: leaderWords(d.last) }),
  badge: ({ digest: { last } }) =>
    last.leader !== null && !last.tiedWith.length
      ? say('badgeBest', { model: modelName(last.leader) })
      : say('badgeTied', { size: last.size }),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const { leaders, mlpAgainst, divergedRuns } = v.facts;
      const k = leaders.length - 1;
      const last = leaders[k];
      const hasMlp = trainsMlp(doc);
      const level = mlpAgainst[0]?.level;
      const { mlpOvertakes, modelOvertakes } = crossoversByDirection(v.facts);
      const method = level === undefined ? null : pairedMethod(level);
      const answer =
        !hasMlp || method === null
          ? null
          : mlpOvertakes.length
            ? {
                short: say('verdict.yesShort', { models: models(mlpOvertakes.map((x) => x.model)) }),
                sentence: say('verdict.yes', { crossings: series(mlpOvertakes.map(crossingWords)), method }),
              }
            : modelOvertakes.length
              ? {
                  short: say('verdict.noShort', { n: modelOvertakes.length, models: models(modelOvertakes.map((x) => x.model)) }),
                  sentence: say('verdict.no', { crossings: series(modelOvertakes.map(crossingWords)), method }),
                }
              : { short: say('verdict.notShownShort'), sentence: say('verdict.notShown', { method }) };
      return {
        question: say('verdict.question'),
        short:
          answer?.short ??
          (last.leader !== null && !last.tiedWith.length
            ? say('verdict.leaderShort', { model: modelName(last.leader), size: last.size })
            : say('verdict.tiedShort', { size: last.size })),
        tone: 'neutral',
        answer: say('verdict.answer', {
          answer: answer?.sentence ?? '',
          first: leaderSentence(doc, leaders[0], 0),
          last: leaderSentence(doc, last, k),
          mlp: hasMlp ? say('verdict.mlp', { from: pct(meanAt(doc, 'mlp', 0)), to: pct(meanAt(doc, 'mlp', k)) }) : '',
          diverged: divergedRuns ? say('verdict.diverged', { n: divergedRuns }) : '',
        }),
      };
    }),
  method: (doc) => [
    ...trainingMethod(
      { ...doc.spec, pins: {} },
      null,
      say('method.learningRate', { lr: doc.spec.training.optimizer.lr, steps: doc.spec.steps }),
    ),
    say('method.subsets', { seeds: seeds(doc.spec.seeds.length), trainRows: doc.trainRows, testRows: doc.testRows }),
    say('method.classic', {
      k: doc.spec.knnK,
      trees: doc.spec.forestTrees,
      svmC: val(doc.spec.svm.C),
      gamma: svmGamma(doc.spec.svm.gamma),
      linearC: val(doc.spec.linearSvm.C),
    }),
    say('method.comparisons'),
  ],
});
