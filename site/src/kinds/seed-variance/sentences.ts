import type { DigestOfKind, DocumentOfKind } from '../../../../src/index.ts';
import { and, num, pct, phraseBook } from '../../presentation/phrases.ts';
import { kindSentences, points, seeds, trainingMethod, undecided } from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'seed-variance'>;
export const phrases = phraseBook({ en, zh });
const say = phrases.say;

/** Which sentence a seed-variance study gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'seed-variance'>>({
  name: say('name'),
  question: (doc) => say('question', { runs: doc.runCount }),
  title: (s) =>
    say('title', { dataset: s.dataset, layers: s.digest.layerSizes.join('-'), optimizer: s.digest.optimizer, seeds: seeds(s.digest.runs) }),
  presetTitles: {
    'digits-reference': (s) => say('presetTitles.digits-reference', { seeds: seeds(s.digest.runs) }),
    'digits-10k-seeds': (s) => say('presetTitles.digits-10k-seeds', { seeds: seeds(s.digest.runs) }),
    'moons-dropout': () => say('presetTitles.moons-dropout'),
    'iris-small': () => say('presetTitles.iris-small'),
  },
  // A study whose runs failed to learn says so before any accuracy; one run has no spread to give.
  headline: ({ digest: d }) => {
    const failed = d.failed ?? 0;
    const repeatability = say(`repeatability.${d.repeatability}`);
    if (d.mean === null) return say('headlineDiverged', { seeds: seeds(d.runs) });
    if (2 * failed > d.runs) return say('headlineFailed', { seeds: seeds(d.runs), failed, repeatability });
    if (d.std === null) return say('headlineOne', { seeds: seeds(d.runs), mean: pct(d.mean), repeatability });
    const values = { seeds: seeds(d.runs), mean: pct(d.mean), std: points(d.std), repeatability };
    return failed ? say('headlineSomeFailed', { ...values, failed }) : say('headline', values);
  },
  badge: ({ digest: d }) => {
    const failed = d.failed ?? 0;
    if (d.mean === null) return say('badgeDiverged');
    if (2 * failed > d.runs) return say('badgeFailed', { failed, runs: d.runs });
    return d.std === null ? say('badgeOne', { mean: pct(d.mean) }) : say('badge', { mean: pct(d.mean), std: points(d.std) });
  },
  verdict: (doc) =>
    doc.verdict.map((v) => {
      if (v.question === 'same-seed-same-weights') {
        const question = say('sameWeights.question');
        if (v.outcome.is === 'undecided') return undecided(question, v.outcome.because, 'neutral');
        const { seed, fingerprint } = v.facts.example;
        return v.outcome.is === 'yes'
          ? {
              question,
              short: say('sameWeights.yes'),
              tone: 'good',
              answer: say('sameWeights.answerYes', {
                repeated: and(doc.repeatability.seeds),
                seed,
                fingerprint: fingerprint.slice(0, 12),
                backend: doc.environment.backend,
              }),
            }
          : {
              question,
              short: say('sameWeights.no'),
              tone: 'bad',
              answer: say('sameWeights.answerNo', { seeds: and(doc.repeatability.mismatches.map((m) => m.seed)) }),
            };
      }
      const s = doc.summary;
      const question = say('spread.question');
      const diverged = v.facts.diverged
        ? say('spread.diverged', { n: v.facts.diverged, classes: doc.data.classes, chance: num(Math.log(doc.data.classes), 3) })
        : '';
      if (v.outcome.is === 'undecided' || !s) {
        const reason = undecided(question, v.outcome.is === 'undecided' ? v.outcome.because : 'all-diverged');
        return { ...reason, answer: say('spread.undecided', { reason: reason.answer, diverged }) };
      }
      if (v.outcome.is === 'no')
        return {
          question,
          short: say('spread.short', { std: points(0) }),
          tone: 'neutral',
          answer: say('spread.answerNone', { finished: v.facts.finished, mean: pct(s.mean, 2), diverged }),
        };
      return {
        question,
        // The measure the headline, the card and the badge give: one number wherever the study is shown.
        short: say('spread.short', { std: points(s.std) }),
        tone: 'neutral',
        answer: say('spread.answer', {
          min: pct(s.min),
          worst: s.worst.seed,
          max: pct(s.max),
          best: s.best.seed,
          seeds: seeds(s.n),
          mean: pct(s.mean),
          std: points(s.std),
          lo: pct(s.ci95.t[0]),
          hi: pct(s.ci95.t[1]),
          diverged,
        }),
      };
    }),
  method: (doc) => trainingMethod(doc.spec, { ...doc.data, layerSizes: doc.model.layerSizes, parameters: doc.model.parameters }),
});
