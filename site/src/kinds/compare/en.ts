/** A/B comparison, in English: a phrase table, text only (sentences.ts decides which phrase a study gets). */
export const en = {
  name: 'A/B comparison',
  question: 'Is {a} better than {b}? Both train over the same {seeds}, and each seed’s two accuracies are paired.',
  title: '{a} against {b}, {seeds}',
  presetTitles: { 'digits-adam-vs-sgd': 'Adam or SGD with momentum? {seeds} on digits' },
  headline: '{a} − {b}: {difference} [{lo}, {hi}]',
  /** The headline with the verdict first: who is better, or tied. */
  headlineBetter: '{winner} better: {a} − {b} {difference} [{lo}, {hi}]',
  headlineTied: 'Tied: {a} − {b} {difference} [{lo}, {hi}]',
  noVerdict: 'no verdict',
  badge: 'Δ {difference}',
  verdict: {
    question: 'Is {a} better than {b}?',
    /** The big answer: who is better and by how much, or that they are tied and how far apart. */
    shortWinner: '{winner} is better, by {difference}',
    shortTied: 'Tied: {difference} apart, within the noise',
    answer:
      '{a} {meanA} against {b} {meanB}: a difference of {difference} (95% paired t interval {lo} to {hi}). {conclusion}{probability}{needed}',
    aBetter: 'Yes: {winner} is better, because the interval excludes zero.',
    bBetter: 'No: {winner} is better, because the interval excludes zero.',
    tiedWithin: 'Tied: the interval includes zero, and it lies within ±{effect}, so any real difference is smaller than that.',
    tiedNoise: 'Tied: the interval includes zero, so the difference is within the noise; it does not rule out a difference of {effect}.',
    probability: ' On a fresh seed, {a} beats {b} with probability {p}.',
    needed:
      ' With this spread of the paired differences (sd {sd}), detecting a difference of {effect} at 5% with 80% power takes about {seeds} seeds, each trained with both.',
  },
  method: {
    armA: 'Arm A, {label}: {steps}',
    armB: 'Arm B, {label}: {steps}',
    difference:
      'Difference: the mean of the paired differences (A − B, seed by seed) with a 95% paired t interval (a percentile bootstrap undercovers at ten or so seeds).',
    seedsNeeded:
      'Seeds needed: for a paired t test at 5% (two-sided) with 80% power to detect {effect} (the spec’s effectSize), from the measured spread of the differences, by Guenther’s formula n = ((z.975 + z.8)·sd/δ)² + z.975²/2.',
  },
  labels: {
    heading: 'The two configurations',
    groupsAlt: 'Test accuracy of every seed in each arm (dots) and the arm mean (tick).',
    groupsManyAlt:
      'Test accuracy in each arm: the middle 90% of seeds (thin line), the middle 50% (thick bar), the median (circle) and the mean (tick).',
    manyNote: 'Thin line: the middle 90% of seeds; thick bar: the middle 50%; circle: the median; tick: the mean.',
    allRuns: 'Every one of the {n} runs, one row each:',
    seedDot: 'seed {seed}: {value}',
    differenceAxis: 'accuracy difference (points), 95% paired t interval',
    differenceAlt:
      'The difference in accuracy between the two configurations with its confidence interval; the shaded band spans ± the effect size.',
    differenceLabel: '{a} − {b}',
    betterLeft: '← {arm} better',
    betterRight: '{arm} better →',
    probability: 'P(A beats B on a fresh seed)',
    seedsNeeded: 'Seeds to detect {effect} (paired)',
  },
} as const;
