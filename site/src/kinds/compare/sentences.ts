import { type DigestOfKind, type DocumentOfKind, readingsOf, seedCount } from '../../../../src/index.ts';
import { pct, phraseBook, pts, sentencesOf, user } from '../../presentation/phrases.ts';
import { kindSentences, notAvailable, points, seeds, seedsMethod, trainingMethod, undecided } from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'compare'>;
export const phrases = phraseBook({ en, zh });
const say = phrases.say;
const { winningArm } = readingsOf('compare');

/** Which sentence an A/B comparison gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'compare'>>({
  name: say('name'),
  question: (doc) => say('question', { a: user(doc.spec.a.label), b: user(doc.spec.b.label), seeds: seeds(seedCount(doc.spec.seeds)) }),
  title: ({ digest: d }) => say('title', { a: user(d.a), b: user(d.b), seeds: seeds(d.seeds) }),
  presetTitles: { 'digits-adam-vs-sgd': ({ digest: d }) => say('presetTitles.digits-adam-vs-sgd', { seeds: seeds(d.seeds) }) },
  headline: ({ digest: d }) => {
    if (!d.difference) return say('noVerdict');
    const numbers = {
      a: user(d.a),
      b: user(d.b),
      difference: points(d.difference.meanDiff),
      lo: pts(d.difference.ci95[0]),
      hi: pts(d.difference.ci95[1]),
    };
    if (d.better === undefined) return say('headline', numbers);
    if (d.better === 'tied') return say('headlineTied', numbers);
    return say('headlineBetter', { ...numbers, winner: user(d.better === 'a' ? d.a : d.b) });
  },
  badge: ({ digest: d }) => (d.difference ? say('badge', { difference: points(d.difference.meanDiff) }) : notAvailable),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const [A, B] = doc.arms;
      const question = say('verdict.question', { a: user(A.label), b: user(B.label) });
      const d = doc.difference;
      if (v.outcome.is === 'undecided' || !d || !A.summary || !B.summary)
        return undecided(question, v.outcome.is === 'undecided' ? v.outcome.because : 'all-diverged');
      const winner = winningArm(doc);
      const effect = points(v.facts.effectSize);
      const conclusion =
        v.outcome.is === 'winner'
          ? say(v.outcome.who === 'a' ? 'verdict.aBetter' : 'verdict.bBetter', { winner: user(winner ?? '') })
          : say(v.facts.withinEffectSize ? 'verdict.tiedWithin' : 'verdict.tiedNoise', { effect });
      return {
        question,
        short: winner
          ? say('verdict.shortWinner', { winner: user(winner), difference: points(Math.abs(d.meanDiff)) })
          : say('verdict.shortTied', { difference: points(Math.abs(d.meanDiff)) }),
        tone: 'neutral',
        answer: say('verdict.answer', {
          a: user(A.label),
          meanA: pct(A.summary.mean),
          b: user(B.label),
          meanB: pct(B.summary.mean),
          difference: points(d.meanDiff),
          lo: pts(d.ci95[0]),
          hi: pts(d.ci95[1]),
          conclusion,
          probability:
            doc.probabilityABeatsB === null
              ? ''
              : say('verdict.probability', { a: user(A.label), b: user(B.label), p: pct(doc.probabilityABeatsB) }),
          needed: doc.seedsNeeded
            ? say('verdict.needed', { sd: points(d.sdDiff), effect: points(doc.seedsNeeded.effectSize), seeds: doc.seedsNeeded.seeds })
            : '',
        }),
      };
    }),
  method: (doc) => [
    say('method.armA', { label: user(doc.spec.a.label), steps: sentencesOf(trainingMethod(doc.spec.a, null)) }),
    say('method.armB', { label: user(doc.spec.b.label), steps: sentencesOf(trainingMethod(doc.spec.b, null)) }),
    seedsMethod(doc.spec.seeds),
    say('method.difference'),
    say('method.seedsNeeded', { effect: points(doc.spec.effectSize) }),
  ],
});
