/** LR range test, in English: a phrase table, text only (sentences.ts decides which phrase a study gets). */
export const en = {
  name: 'LR range test',
  question:
    'Which learning rate should this network train with? Smith’s range test raises the learning rate batch by batch from {start} to {end} for each of {seeds}, reads a suggestion off each loss curve, and then trains at the suggestion to check it.',
  title: 'LR range test: {dataset}, {optimizer}, {seeds}',
  presetTitles: { 'digits-lr-range': 'Which learning rate? A range test over {seeds} (digits, SGD)' },
  headline: '{rule} lr {lr} (interquartile range {iqr}){holds}',
  holds: { yes: ', holds up ✓', no: ', does not hold up ✗', undecided: '' },
  badge: 'lr {lr}',
  decades: '{x} decades',
  suggested: {
    question: 'Which learning rate does the range test suggest?',
    short: 'lr {lr}',
    answer: 'The {rule} rule suggests {lr}: the median over {over}, with an interquartile range from {q25} to {q75}.',
    overAll: '{seeds} seeds',
    overSome: '{suggested} of {seeds} seeds',
  },
  spread: {
    question: 'How far does the suggestion move from seed to seed?',
    answer: 'The middle half of the seeds’ suggestions spans {iqr} (a decade is a factor of 10). By rule: {rules}.',
    rule: '{rule} {iqr}',
  },
  holdsUp: {
    question: 'Does the suggestion hold up when we train with it?',
    yes: 'Yes ✓',
    no: 'No ✗',
    answerYes: 'Yes. {why}{evidence} Mean test accuracy at each multiple: {arms}.',
    answerNo: 'No. {why}{evidence} Mean test accuracy at each multiple: {arms}.',
    x1Diverged: 'Every run at the suggestion itself failed to learn.',
    noneBetter: 'No other multiple trains significantly better on the same seeds',
    better: {
      one: '{better} trains significantly better on the same seeds',
      other: '{better} train significantly better on the same seeds',
    },
    evidence: ' ({method}: {differences}).',
    noEvidence: '.',
    difference: '×{against} − ×1',
    multiple: '×{multiplier}',
    arm: '×{multiplier} (lr {lr}): {accuracy}',
  },
  method: {
    learningRate: 'Learning rate: set by the range test below.',
    exponentially: 'exponentially',
    linearly: 'linearly',
    range:
      'Range test: the learning rate grows {mode} from {start} to {end} over {iterations} batches, cycling through the shuffled training rows. Losses are smoothed by an exponential moving average (β {smoothing}) with bias correction; a seed stops when its smoothed loss exceeds {divergeFactor}× its best.',
    rules:
      'Rules, as fastai’s lr_find applies them: each reads the recorded batches from batch {from} (a tenth of the sweep) to five before the last, cut at the first non-finite loss. steepest: the left point of the steepest fall of the smoothed loss against ln(lr); minOver10: the lr at the lowest loss, divided by 10; valley: about halfway down the longest descending stretch.',
    check: 'Check: train for {epochs} epochs at the median {rule} suggestion times {multiples}, over the same seeds.',
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
    seedDot: 'seed {seed}: {value}',
    suggestionsHeading: 'Suggestions',
    rule: 'Rule',
    q25: 'First quartile',
    q75: 'Third quartile',
    iqr: 'Interquartile range (decades)',
    verificationHeading: 'Training at the suggestion',
    arm: '×{multiplier} (lr {lr})',
    groupsAlt: 'Test accuracy of every seed in each group (dots) and the group mean (tick).',
  },
} as const;
