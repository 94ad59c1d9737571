/** Variance sources, in English: a phrase table, text only (sentences.ts decides which phrase a study gets). */
export const en = {
  name: 'Variance sources',
  question:
    'Why does the same network give a different accuracy on every run? Each source of randomness ({sources}) varies alone over {runs} runs while the others stay at seed {baseSeed}; then all vary at once; and {seeds} train on both the cpu and the wasm backend.',
  title: 'Where the variance comes from: {dataset}, {runs} runs per source',
  presetTitles: { 'digits-variance-sources': 'Why does every run give a different accuracy? Sources of variance on digits' },
  headline: 'all sources: std {std}; largest single source: {top}',
  headlineTied: 'tied: {sources}',
  headlineWinner: '{source}, std {std}',
  headlineFailed: '{failed} of {runs} runs failed to learn',
  badge: 'std {std}',
  badgeFailed: '{failed}/{runs} failed to learn',
  sources: { data: 'data', split: 'split', init: 'init', order: 'order', dropout: 'dropout', all: 'all' },
  /** The sources in words, for the big answer and the headline (the names above are the spec's stream names). */
  sourceWords: {
    data: 'the generated data',
    split: 'the train/test split',
    init: 'the initial weights',
    order: 'the batch order',
    dropout: 'the dropout masks',
    all: 'all sources',
  },
  cannotVary: {
    'bundled-data': '{source} cannot vary: the dataset is bundled.',
    'fixed-split': '{source} cannot vary: the split is a fixed index rule.',
    'no-dropout': '{source} cannot vary: the model has no dropout.',
  },
  cannotVaryAll: ' {reasons}',
  interval: ' [{lo}, {hi}]',
  spread: '{std}{interval}',
  largest: {
    question: 'Why does the same network give a different accuracy on every run?',
    winnerShort: 'Mostly {source}: std {std}',
    tiedShort: 'Tied: {sources}',
    winner: '{leader} is the largest: its variance exceeds every other source’s (variance ratios with {level} F intervals: {ratios}).',
    tied: '{leader} has the largest spread, but it is tied with {others}: their variance ratio’s {level} F interval includes 1 ({ratios}).',
    ratio: '×{ratio}{interval} over {source}',
    noSpread: '{source} has no spread',
    single: '{source} {spread}{share}',
    share: ' ({share}{interval} of the single-source variance)',
    answer:
      '{ranking} Varying every source at once moves test accuracy by a standard deviation of {all} (95% interval). One source at a time: {singles}.{cannotVary}{scale}',
    scale:
      ' For scale: one test accuracy of {accuracy} on {testRows} test rows has a binomial standard error of {se} (√(p(1−p)/n)): what scoring on another test set of that size alone would change.{fixedSplit}',
    fixedSplit: ' The split is fixed here, so every run is scored on the same rows and no measured source contains this error.',
  },
  addUp: {
    question: 'Do the single sources add up to all of them at once?',
    yes: 'Yes, within the noise: the interval contains 1. {measured}',
    more: 'No: together the sources spread accuracy more than the sum of their separate effects (they interact). {measured}',
    less: 'No: together the sources spread accuracy less than the sum of their separate effects (their effects overlap). {measured}',
    measured:
      'If the sources added independently, all at once would have a standard deviation of √(sum of single variances) = {expected}; it has {all}. Variance of all over the sum: {ratio}{interval} (95% bootstrap).',
  },
  implementation: {
    question: 'Do the cpu and wasm backends give the same model for the same seed?',
    answerYes: 'Yes: {identical} of {seeds} seeds have identical fingerprints. {difference}',
    answerIdentical:
      'Yes: {identical} of {seeds} seeds have identical fingerprints: the same weights bit for bit, so the same accuracy on every seed.',
    sameAccuracy: 'The largest weight difference is {weightDiff}, and accuracy is the same on every seed.',
    answerNo: 'No: {identical} of {seeds} seeds have identical fingerprints. {difference}',
    differs: 'The largest weight difference is {weightDiff}, and accuracy differs by at most {accuracyDiff}.',
  },
  method: {
    sources:
      'Sources: for each of {sources}, runs 1–{runs} vary that stream while every other stream stays at seed {baseSeed}; "all" varies every stream. A source’s share is its variance over the sum of the single sources’ variances.',
    uncertainty:
      'Uncertainty: each standard deviation has a 95% chi-square interval (normal runs assumed); each share a 95% percentile bootstrap interval (2000 resamples, each source’s runs resampled on their own); the largest source is compared with each other by the F interval of their variance ratio (Bonferroni-adjusted). Test-set sampling is the binomial standard error √(p(1−p)/n), as Bouthillier et al. (MLSys 2021) account for it.',
    implementation:
      'Implementation: seeds 1–{seeds} train on cpu and on wasm, compared by fingerprint, largest weight difference and accuracy.',
  },
  labels: {
    heading: 'Variance by source',
    stdAxis: 'std of test accuracy (points)',
    alt: 'Standard deviation of test accuracy, with its 95% interval, when each source of randomness varies alone, and all at once; a dashed line marks the test-set sampling error.',
    testSamplingMark: 'test-set sampling',
    groupsAlt: 'Test accuracy of every run for each source (dots) and the source mean (tick).',
    groupsManyAlt:
      'Test accuracy for each source: the middle 90% of runs (thin line), the middle 50% (thick bar), the median (circle) and the mean (tick).',
    allRuns: 'Every one of the {n} runs, one row each:',
    manyNote: 'Thin line: the middle 90% of runs; thick bar: the middle 50%; circle: the median; tick: the mean.',
    seedDot: 'run {seed}: {value}',
    source: 'Source',
    stdWithInterval: 'Std [95% interval]',
    share: 'Share [95% interval]',
    unused: {
      'bundled-data': 'The dataset is bundled: the data stream generates nothing.',
      'fixed-split': 'The split is a fixed index rule here: it has no randomness to vary.',
      'no-dropout': 'The model has no dropout: this stream is never used.',
    },
    implementationHeading: 'Implementation level: cpu against wasm',
    maxWeightDiff: 'max |Δw|',
    accuracyCpuWasm: 'accuracy cpu / wasm',
  },
} as const;
