import { type DigestOfKind, type DocumentOfKind, readingsOf } from '../../../../src/index.ts';
import { type Arg, and, lr, num, pct, phraseBook, series } from '../../presentation/phrases.ts';
import {
  diverged,
  kindSentences,
  notAvailable,
  pairedDifferences,
  pairedMethod,
  seeds,
  seedsMethod,
  trainingMethod,
  undecided,
} from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'lr-range-test'>;
export const phrases = phraseBook({ en, zh });
const say = phrases.say;
const { betterMultiples, everySeedSuggested, rules: SUGGESTION_RULES } = readingsOf('lr-range-test');
/** A spread of learning rates in decades, or n/a. */
const decades = (x: number | null): Arg => (x === null ? notAvailable : say('decades', { x: num(x, 2) }));
const multiple = (m: number | string) => say('holdsUp.multiple', { multiplier: m });

/** Which sentence a range test gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'lr-range-test'>>({
  name: say('name'),
  question: (doc) =>
    say('question', { start: lr(doc.spec.range.startLr), end: lr(doc.spec.range.endLr), seeds: seeds(doc.spec.seeds.length) }),
  title: (s) => say('title', { dataset: s.dataset, optimizer: s.digest.optimizer, seeds: seeds(s.digest.seeds) }),
  presetTitles: { 'digits-lr-range': (s) => say('presetTitles.digits-lr-range', { seeds: seeds(s.digest.seeds) }) },
  headline: ({ digest: d }) =>
    say('headline', { rule: d.rule, lr: lr(d.median), iqr: decades(d.iqrDecades), holds: say(`holds.${d.holdsUp}`) }),
  badge: ({ digest: d }) => say('badge', { lr: lr(d.median) }),
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const s = doc.suggestions[doc.verification.suggestion];
      if (v.question === 'suggested-lr') {
        const question = say('suggested.question');
        if (v.outcome.is === 'undecided') return undecided(question, v.outcome.because);
        const over = everySeedSuggested(v.facts)
          ? say('suggested.overAll', { seeds: v.facts.seeds })
          : say('suggested.overSome', { suggested: v.facts.seedsWithSuggestion, seeds: v.facts.seeds });
        return {
          question,
          short: say('suggested.short', { lr: lr(s.median) }),
          tone: 'neutral',
          answer: say('suggested.answer', { rule: v.facts.rule, lr: lr(s.median), over, q25: lr(s.q25), q75: lr(s.q75) }),
        };
      }
      if (v.question === 'suggestion-spread') {
        const question = say('spread.question');
        if (v.outcome.is === 'undecided') return undecided(question, v.outcome.because);
        const rules = SUGGESTION_RULES.map((rule) => say('spread.rule', { rule, iqr: decades(doc.suggestions[rule].iqrDecades) }));
        return {
          question,
          short: decades(s.iqrDecades),
          tone: 'neutral',
          answer: say('spread.answer', { iqr: decades(s.iqrDecades), rules: and(rules) }),
        };
      }
      const question = say('holdsUp.question');
      if (v.outcome.is === 'undecided') return undecided(question, v.outcome.because);
      const { comparisons, level, x1Diverged } = v.facts;
      const yes = v.outcome.is === 'yes';
      const better = betterMultiples(doc);
      const why = x1Diverged
        ? say('holdsUp.x1Diverged')
        : yes
          ? say('holdsUp.noneBetter')
          : say('holdsUp.better', { n: better.length, better: and(better.map(multiple)) });
      const evidence = x1Diverged
        ? ''
        : !comparisons.length
          ? say('holdsUp.noEvidence')
          : say('holdsUp.evidence', {
              method: pairedMethod(level),
              differences: series(pairedDifferences(comparisons, (c) => say('holdsUp.difference', { against: c.against }))),
            });
      const arms = series(
        doc.verification.arms.map((a) =>
          say('holdsUp.arm', { multiplier: a.multiplier, lr: lr(a.lr), accuracy: a.summary ? pct(a.summary.mean) : diverged }),
        ),
      );
      return {
        question,
        short: say(yes ? 'holdsUp.yes' : 'holdsUp.no'),
        tone: yes ? 'good' : 'bad',
        answer: say(yes ? 'holdsUp.answerYes' : 'holdsUp.answerNo', { why, evidence, arms }),
      };
    }),
  method: (doc) => {
    const { range, verify, training } = doc.spec;
    return [
      ...trainingMethod(doc.spec, null, say('method.learningRate')),
      say('method.range', {
        mode: say(range.mode === 'exponential' ? 'method.exponentially' : 'method.linearly'),
        start: lr(range.startLr),
        end: lr(range.endLr),
        iterations: range.iterations,
        smoothing: range.smoothing,
        divergeFactor: range.divergeFactor,
      }),
      say('method.rules', { from: Math.floor(range.iterations / 10) }),
      say('method.check', { epochs: training.epochs, rule: verify.suggestion, multiples: and(verify.multipliers.map(multiple)) }),
      seedsMethod(doc.spec.seeds),
    ];
  },
});
