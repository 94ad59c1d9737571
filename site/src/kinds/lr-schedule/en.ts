import type { LrScheduleDocument, ScheduleSpec } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { pairedWords } from '../pairedWords.ts';
import { trainingMethod } from '../setupMethod.ts';
import { winningSchedule } from './winner.ts';

const f = formatFor('en');
const ui = t('en');
const paired = pairedWords('en');

/** One schedule and its parameters in words. */
function describeSchedule(s: ScheduleSpec): string {
  switch (s.type) {
    case 'constant':
      return `${s.name}: constant ${f.lr(s.lr)}`;
    case 'step':
      return `${s.name}: ${f.list(s.rates.map(f.lr))}, changing after epochs ${f.list(s.boundaries)}`;
    case 'exponential':
      return `${s.name}: ${f.lr(s.lr)} times ${s.gamma} every epoch`;
    case 'triangular':
      return `${s.name}: triangular cycles between ${f.lr(s.minLr)} and ${f.lr(s.maxLr)}, half a cycle every ${s.halfCycleEpochs} epochs, changing every batch`;
    case 'one-cycle':
      return `${s.name}: one cycle up to ${f.lr(s.maxLr)} over the first ${f.pct(s.pctStart, 0)} of the steps, then cosine annealing (divisors ${s.divFactor} and ${s.finalDivFactor})`;
  }
}

export const en = {
  name: 'LR schedules',
  question: (doc) =>
    `Which learning-rate schedule trains this network best? ${doc.spec.schedules.length} schedules, each trained over the same ${ui.words.seeds(doc.spec.seeds.length)}.`,
  title: (doc) =>
    `LR schedules: ${doc.spec.dataset.name}, ${doc.spec.schedules.length} schedules, ${ui.words.seeds(doc.spec.seeds.length)}`,
  presetTitles: {
    'digits-lr-schedules': (doc) => `From high to low, or in cycles? ${doc.spec.schedules.length} learning-rate schedules on digits`,
  },
  headline(doc) {
    const { outcome, facts } = doc.verdict[0];
    const best = winningSchedule(doc);
    if (best?.summary) return `best: ${best.name}, ${f.pct(best.summary.mean)} over ${ui.words.seeds(best.runs.length)}`;
    if (outcome.is === 'tied') return `tied: ${f.list([facts.leader ?? '', ...facts.tiedWith])}`;
    return facts.leader ? `${facts.leader} only` : 'all diverged';
  },
  badge(doc) {
    const best = winningSchedule(doc);
    return best?.summary
      ? `${best.name} ${f.pct(best.summary.mean)}`
      : doc.verdict[0].outcome.is === 'tied'
        ? 'tied'
        : ui.words.notAvailable;
  },
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const question = 'Which schedule trains best over the same seeds?';
      if (v.outcome.is === 'undecided')
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
      const { leader, tiedWith, comparisons, level, notAtMinimum } = v.facts;
      const means = doc.schedules.map((s) => `${s.name} ${s.summary ? f.pct(s.summary.mean) : ui.words.diverged}`).join('; ');
      const diffs = paired.differences(comparisons, (c) => `${leader} − ${c.against}`);
      const method = paired.method(level);
      const caution = notAtMinimum.length
        ? ` Caution: ${f.list(notAtMinimum)} ${notAtMinimum.length === 1 ? 'ends' : 'end'} above its lowest learning rate (a cycle cut short), which can bias its place.`
        : '';
      if (v.outcome.is === 'winner')
        return {
          question,
          short: v.outcome.who,
          tone: 'neutral' as const,
          answer: `${v.outcome.who}: it beats every other schedule on the same seeds (${method}: ${diffs}). Means: ${means}.${caution}`,
        };
      if (v.outcome.is === 'tied')
        return {
          question,
          short: ui.words.tied,
          tone: 'neutral' as const,
          answer: `Tied: ${leader} has the highest mean, but its lead over ${f.list(tiedWith)} is within the noise (${method}: ${diffs}). Means: ${means}.${caution}`,
        };
      return {
        question,
        short: leader ?? ui.words.notAvailable,
        tone: 'neutral' as const,
        answer: `Only ${leader} was trained: ${means}.${caution}`,
      };
    }),
  method: (doc) => [
    ...trainingMethod(
      'en',
      doc.spec,
      null,
      `Learning rate, one schedule at a time: ${doc.spec.schedules.map(describeSchedule).join('; ')}.`,
    ),
    ui.method.seeds(doc.spec.seeds, f),
  ],
  labels: {
    heading: 'Learning rates and accuracy',
    lrCaption: 'Each schedule’s learning rate against the step.',
    lrAlt: 'The learning rate of each schedule against the step.',
    lrAxis: 'learning rate',
    stepAxis: 'step',
    dotsCaption: 'Each dot: one seed’s final test accuracy; tick: the mean.',
    groupsAlt: 'Test accuracy of every seed in each group (dots) and the group mean (tick).',
    seedDot: (seed: number, value: string) => `seed ${seed}: ${value}`,
    curvesAlt: 'Median test accuracy per epoch for each schedule.',
    epochAxis: 'epoch',
    schedule: 'Schedule',
    end: 'Ends at its lowest rate',
    endNote: (last: string, lowest: string) => `last ${last}, lowest ${lowest}`,
  },
} satisfies KindWords<LrScheduleDocument> & { labels: object };

export type LrScheduleWords = typeof en;
