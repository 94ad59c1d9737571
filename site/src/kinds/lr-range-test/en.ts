import type { LrRangeTestDocument } from '../../../../src/index.ts';
import { formatFor } from '../../i18n/format.ts';
import { t } from '../../i18n/index.ts';
import type { KindWords } from '../kindWords.ts';
import { pairedWords } from '../pairedWords.ts';
import { trainingMethod } from '../setupMethod.ts';

const f = formatFor('en');
const ui = t('en');
const paired = pairedWords('en');
const lr = (x: number | null) => (x === null ? ui.words.notAvailable : f.lr(x));
const decades = (x: number | null) => (x === null ? ui.words.notAvailable : `${f.num(x, 2)} decades`);

export const en = {
  name: 'LR range test',
  question: (doc) =>
    `Which learning rate should this network train with? Smith’s range test raises the learning rate batch by batch from ${f.lr(doc.spec.range.startLr)} to ${f.lr(doc.spec.range.endLr)} for each of ${ui.words.seeds(doc.spec.seeds.length)}, reads a suggestion off each loss curve, and then trains at the suggestion to check it.`,
  title: (doc) => `LR range test: ${doc.spec.dataset.name}, ${doc.spec.training.optimizer.kind}, ${ui.words.seeds(doc.spec.seeds.length)}`,
  presetTitles: {
    'digits-lr-range': (doc) => `Which learning rate? A range test over ${ui.words.seeds(doc.spec.seeds.length)} (digits, SGD)`,
  },
  headline(doc) {
    const rule = doc.verification.suggestion;
    const s = doc.suggestions[rule];
    const holds = doc.verdict.find((v) => v.question === 'holds-up')?.outcome.is;
    const tail = holds === 'yes' ? ', holds up ✓' : holds === 'no' ? ', does not hold up ✗' : '';
    return `${rule} lr ${lr(s.median)} (interquartile range ${decades(s.iqrDecades)})${tail}`;
  },
  badge: (doc) => `lr ${lr(doc.suggestions[doc.verification.suggestion].median)}`,
  verdict: (doc) =>
    doc.verdict.map((v) => {
      const s = doc.suggestions[doc.verification.suggestion];
      if (v.question === 'suggested-lr') {
        const question = 'Which learning rate does the range test suggest?';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
        const over =
          v.facts.seedsWithSuggestion === v.facts.seeds
            ? `${v.facts.seeds} seeds`
            : `${v.facts.seedsWithSuggestion} of ${v.facts.seeds} seeds`;
        return {
          question,
          short: `lr ${lr(s.median)}`,
          tone: 'neutral' as const,
          answer: `The ${v.facts.rule} rule suggests ${lr(s.median)}: the median over ${over}, with an interquartile range from ${lr(s.q25)} to ${lr(s.q75)}.`,
        };
      }
      if (v.question === 'suggestion-spread') {
        const question = 'How far does the suggestion move from seed to seed?';
        if (v.outcome.is === 'undecided')
          return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
        const all = (['steepest', 'minOver10', 'valley'] as const).map((r) => `${r} ${decades(doc.suggestions[r].iqrDecades)}`);
        return {
          question,
          short: decades(s.iqrDecades),
          tone: 'neutral' as const,
          answer: `The middle half of the seeds’ suggestions spans ${decades(s.iqrDecades)} (a decade is a factor of 10). By rule: ${f.list(all)}.`,
        };
      }
      // What is left is the holds-up question.
      const question = 'Does the suggestion hold up when we train with it?';
      const arms = doc.verification.arms
        .map((a) => `×${a.multiplier} (lr ${lr(a.lr)}): ${a.summary ? f.pct(a.summary.mean) : ui.words.diverged}`)
        .join('; ');
      if (v.outcome.is === 'undecided')
        return { question, short: ui.words.notAvailable, tone: 'bad' as const, answer: ui.words.undecided[v.outcome.because] };
      const { comparisons, level, x1Diverged } = v.facts;
      const diffs = paired.differences(comparisons, (c) => `×${c.against} − ×1`);
      const better = comparisons.filter((c) => c.interval !== null && c.interval[0] > 0).map((c) => `×${c.against}`);
      const yes = v.outcome.is === 'yes';
      const why = x1Diverged
        ? 'Every run at the suggestion itself diverged.'
        : yes
          ? 'No other multiple trains significantly better on the same seeds'
          : `${f.list(better)} ${better.length === 1 ? 'trains' : 'train'} significantly better on the same seeds`;
      const evidence = x1Diverged || !comparisons.length ? '' : ` (${paired.method(level)}: ${diffs}).`;
      return {
        question,
        short: yes ? 'Yes ✓' : 'No ✗',
        tone: yes ? ('good' as const) : ('bad' as const),
        answer: `${yes ? 'Yes' : 'No'}. ${why}${evidence} Mean test accuracy at each multiple: ${arms}.`,
      };
    }),
  method: (doc) => {
    const { range, verify, training } = doc.spec;
    return [
      ...trainingMethod('en', doc.spec, null, `Learning rate: set by the range test below.`),
      `Range test: the learning rate grows ${range.mode === 'exponential' ? 'exponentially' : 'linearly'} from ${f.lr(range.startLr)} to ${f.lr(range.endLr)} over ${range.iterations} batches, cycling through the shuffled training rows. Losses are smoothed by an exponential moving average (β ${range.smoothing}) with bias correction; a seed stops when its smoothed loss exceeds ${range.divergeFactor}× its best.`,
      `Rules, as fastai’s lr_find applies them: each reads the recorded batches from batch ${Math.floor(range.iterations / 10)} (a tenth of the sweep) to five before the last, cut at the first non-finite loss. steepest: the left point of the steepest fall of the smoothed loss against ln(lr); minOver10: the lr at the lowest loss, divided by 10; valley: about halfway down the longest descending stretch.`,
      `Check: train for ${training.epochs} epochs at the median ${verify.suggestion} suggestion times ${f.list(verify.multipliers.map((m) => `×${m}`))}, over the same seeds.`,
      ui.method.seeds(doc.spec.seeds, f),
    ];
  },
  labels: {
    curvesHeading: 'The range test, seed by seed',
    curvesCaption:
      'Thin: each seed’s smoothed loss. Thick: the median. Dashed: each rule’s median suggestion, with its interquartile band.',
    curvesAlt:
      'Every seed’s range-test curve (thin), the median curve (thick), and each rule’s median suggestion with its interquartile band.',
    lrAxis: 'learning rate',
    lossAxis: 'smoothed loss',
    spreadCaption: 'Each dot: one seed’s suggestion.',
    spreadAlt: 'Each rule’s suggested learning rate for every seed.',
    suggestedAxis: 'suggested learning rate',
    seedDot: (seed: number, value: string) => `seed ${seed}: ${value}`,
    suggestionsHeading: 'Suggestions',
    rule: 'Rule',
    q25: 'First quartile',
    q75: 'Third quartile',
    iqr: 'Interquartile range (decades)',
    verificationHeading: 'Training at the suggestion',
    arm: (multiplier: number, value: string) => `×${multiplier} (lr ${value})`,
    groupsAlt: 'Test accuracy of every seed in each group (dots) and the group mean (tick).',
  },
} satisfies KindWords<LrRangeTestDocument> & { labels: object };

export type LrRangeTestWords = typeof en;
