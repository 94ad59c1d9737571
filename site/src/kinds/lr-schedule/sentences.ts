import type { DigestOfKind, DocumentOfKind, SpecOfKind } from '../../../../src/index.ts';
import { and, lr, type Message, pct, phraseBook, series, user } from '../../presentation/phrases.ts';
import {
  diverged,
  kindSentences,
  notAvailable,
  pairedDifferences,
  pairedMethod,
  seeds,
  seedsMethod,
  tied,
  trainingMethod,
  undecided,
} from '../../presentation/sentences.ts';
import { en } from './en.ts';
import { zh } from './zh.ts';

type Doc = DocumentOfKind<'lr-schedule'>;
type ScheduleSpec = SpecOfKind<'lr-schedule'>['schedules'][number];
export const phrases = phraseBook({ en, zh });
const say = phrases.say;

/** One schedule and its parameters. */
function describeSchedule(s: ScheduleSpec): Message {
  switch (s.type) {
    case 'constant':
      return say('schedule.constant', { name: user(s.name), lr: lr(s.lr) });
    case 'step':
      return say('schedule.step', { name: user(s.name), rates: and(s.rates.map(lr)), boundaries: and(s.boundaries) });
    case 'exponential':
      return say('schedule.exponential', { name: user(s.name), lr: lr(s.lr), gamma: s.gamma });
    case 'triangular':
      return say('schedule.triangular', { name: user(s.name), min: lr(s.minLr), max: lr(s.maxLr), half: s.halfCycleEpochs });
    case 'one-cycle':
      return say('schedule.one-cycle', {
        name: user(s.name),
        max: lr(s.maxLr),
        start: pct(s.pctStart, 0),
        div: s.divFactor,
        finalDiv: s.finalDivFactor,
      });
  }
}

/** More than half of the study's runs failed to learn: its headline counts them instead of naming a schedule. */
const mostlyFailed = (d: DigestOfKind<'lr-schedule'>) => d.outcome === 'undecided' && 2 * (d.failed ?? 0) > d.schedules * d.seeds;

/** Which sentence a schedules study gets, for every locale. */
export const sentences = kindSentences<Doc, DigestOfKind<'lr-schedule'>>({
  name: say('name'),
  question: (doc) => say('question', { schedules: doc.spec.schedules.length, seeds: seeds(doc.spec.seeds.length) }),
  title: (s) => say('title', { dataset: s.dataset, schedules: s.digest.schedules, seeds: seeds(s.digest.seeds) }),
  presetTitles: { 'digits-lr-schedules': (s) => say('presetTitles.digits-lr-schedules', { schedules: s.digest.schedules }) },
  headline: ({ digest: d }) =>
    mostlyFailed(d)
      ? say('headlineFailed', { failed: d.failed ?? 0, runs: d.schedules * d.seeds })
      : d.best
        ? say('headlineBest', { name: user(d.best.name), mean: pct(d.best.mean), seeds: seeds(d.best.runs) })
        : d.outcome === 'tied'
          ? say('headlineTied', { names: and([d.leader ?? '', ...d.tiedWith].map(user)) })
          : d.leader
            ? say('headlineOnly', { name: user(d.leader) })
            : say('headlineDiverged'),
  badge: ({ digest: d }) =>
    mostlyFailed(d)
      ? say('badgeFailed', { failed: d.failed ?? 0, runs: d.schedules * d.seeds })
      : d.best
        ? say('badgeBest', { name: user(d.best.name), mean: pct(d.best.mean) })
        : d.outcome === 'tied'
          ? say('badgeTied')
          : notAvailable,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const question = say('verdict.question');
      if (v.outcome.is === 'undecided') return undecided(question, v.outcome.because);
      const { leader, tiedWith, comparisons, level, notAtMinimum } = v.facts;
      const means = series(
        doc.schedules.map((s) => say('verdict.mean', { name: user(s.name), mean: s.summary ? pct(s.summary.mean) : diverged })),
      );
      const differences = series(
        pairedDifferences(comparisons, (c) => say('verdict.difference', { leader: user(leader ?? ''), other: user(c.against) })),
      );
      const method = pairedMethod(level);
      const caution = notAtMinimum.length ? say('verdict.caution', { n: notAtMinimum.length, schedules: and(notAtMinimum.map(user)) }) : '';
      if (v.outcome.is === 'winner')
        return {
          question,
          short: user(v.outcome.who),
          tone: 'neutral',
          answer: say('verdict.winner', { winner: user(v.outcome.who), method, differences, means, caution }),
        };
      if (v.outcome.is === 'tied')
        return {
          question,
          short: tied,
          tone: 'neutral',
          answer: say('verdict.tied', { leader: user(leader ?? ''), others: and(tiedWith.map(user)), method, differences, means, caution }),
        };
      return {
        question,
        short: leader ? user(leader) : notAvailable,
        tone: 'neutral',
        answer: say('verdict.only', { leader: user(leader ?? ''), means, caution }),
      };
    }),
  method: (doc) => [
    ...trainingMethod(doc.spec, null, say('learningRate', { schedules: series(doc.spec.schedules.map(describeSchedule)) })),
    seedsMethod(doc.spec.seeds),
  ],
});
