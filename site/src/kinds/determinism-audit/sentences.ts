import { type DigestOfKind, type DocumentOfKind, readingsOf } from '../../../../src/index.ts';
import { and, type Message, phraseBook, sci, sentencesOf, series, val } from '../../presentation/phrases.ts';
import { kindSentences, modelName, svmGamma, trainingMethod } from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'determinism-audit'>;
type Comparison = Doc['rows'][number]['comparisons']['sameSeed'];
export const phrases = phraseBook({ en, zh });
const say = phrases.say;
const { occupiedClasses, identicalCounts, deterministicShare } = readingsOf('determinism-audit');
const models = (ids: readonly string[]) => and(ids.map(modelName));

/** A comparison of two fits in a few words: identical, the same predictions (and how far the parameters moved), or other predictions. */
export function comparisonWords(c: Comparison): Message {
  if (c.outcome === 'bit-identical') return say('labels.comparison.identical');
  const moved = c.maxAbsParameterDiff === null ? '' : say('labels.comparison.moved', { diff: sci(c.maxAbsParameterDiff) });
  return say(c.outcome === 'same-predictions' ? 'labels.comparison.samePredictions' : 'labels.comparison.otherPredictions', { moved });
}

/** How many algorithms one comparison left bit-identical: all of them, some, or none. */
const identical = (c: { k: number; n: number; which: 'all' | 'some' | 'none' }): Message =>
  say(`verdict.identical.${c.which}`, { k: c.k, n: c.n });

/** Which sentence a determinism audit gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'determinism-audit'>>({
  name: say('name'),
  question: (doc) => say('question', { models: models(doc.spec.models), seed: doc.spec.seed, otherSeed: doc.spec.otherSeed }),
  title: (s) => say('title', { dataset: s.dataset, algorithms: s.digest.algorithms }),
  presetTitles: { 'digits-determinism': () => say('presetTitles.digits-determinism') },
  // Led by the count the badge shows ("deterministic 1/5: kNN"), then the other classes.
  headline: ({ digest: d }) => {
    const deterministic = d.classes.find((c) => c.category === 'deterministic')?.models ?? [];
    const count = { deterministic: d.deterministic, algorithms: d.algorithms };
    return say('headline', {
      classes: series([
        deterministic.length ? say('headlineCountOf', { ...count, models: models(deterministic) }) : say('headlineCount', count),
        ...d.classes
          .filter((c) => c.category !== 'deterministic')
          .map((c) => say('headlineClass', { category: say(`classes.${c.category}`), models: models(c.models) })),
      ]),
    });
  },
  badge: ({ digest: d }) => say('badge', { deterministic: d.deterministic, algorithms: d.algorithms }),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const classes = sentencesOf(occupiedClasses(v.facts).map((c) => say(`verdictClasses.${c.category}`, { models: models(c.models) })));
      const c = identicalCounts(doc);
      const n = doc.rows.length;
      // The verdict is yes exactly when every algorithm is deterministic.
      const share = deterministicShare(doc);
      return {
        question: say('verdict.question'),
        short: say('verdict.short', {
          sameSeed: identical(c.sameSeed),
          differentSeed: identical(c.differentSeed),
          permutedRows: identical(c.permutedRows),
        }),
        tone: 'neutral',
        answer:
          share === 'all'
            ? say('verdict.answerYes', { n, classes })
            : share === 'none'
              ? say('verdict.answerNone', { n, classes })
              : say('verdict.answerNo', { n: v.facts.deterministic.length, algorithms: n, classes }),
      };
    }),
  method: (doc) => [
    ...trainingMethod(doc.spec, null),
    say('method.fits', { seed: doc.spec.seed, otherSeed: doc.spec.otherSeed }),
    say(doc.spec.training.reductionOrder === 'shuffled' ? 'method.shuffled' : 'method.fixed'),
    say('method.comparison'),
    say('method.trees'),
    say('method.svms', { svmC: val(doc.spec.svm.C), gamma: svmGamma(doc.spec.svm.gamma), linearC: val(doc.spec.linearSvm.C) }),
  ],
});
