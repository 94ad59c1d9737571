/** Determinism audit, in English: a phrase table, text only (sentences.ts decides which phrase a study gets). */
export const en = {
  name: 'Determinism audit',
  question:
    'Does every algorithm give the same model every time? {models} are each fitted four times: with seed {seed}, with seed {seed} again, with seed {otherSeed} on the same data and split, and with seed {seed} and the training rows in another order. The models are compared bit for bit.',
  title: 'Determinism audit: {dataset}, {algorithms} algorithms',
  presetTitles: { 'digits-determinism': 'Does every algorithm give the same model every time? (digits)' },
  headline: '{classes}',
  headlineClass: '{category}: {models}',
  headlineCount: 'deterministic {deterministic}/{algorithms}',
  headlineCountOf: 'deterministic {deterministic}/{algorithms}: {models}',
  badge: '{deterministic}/{algorithms} deterministic',
  classes: {
    deterministic: 'deterministic',
    'order-dependent': 'order-dependent',
    'seed-dependent': 'seed-dependent',
    nondeterministic: 'nondeterministic',
  },
  verdictClasses: {
    deterministic: 'Deterministic (the same model whatever the seed and the row order): {models}.',
    'order-dependent': 'Order-dependent (the same model for every seed, another when the rows come in another order): {models}.',
    'seed-dependent': 'Seed-dependent (another model with another seed, the same one again with the same seed): {models}.',
    nondeterministic: 'Nondeterministic (another model when the same seed runs again on the same rows): {models}.',
  },
  verdict: {
    question: 'Does every algorithm give the same model every time?',
    /** The big answer: what holds for each comparison, before the classes. */
    short: 'Same seed again: {sameSeed} · another seed: {differentSeed} · rows reordered: {permutedRows}',
    identical: {
      all: 'all {n} identical',
      some: '{k} of {n} identical',
      none: 'none identical',
    },
    answerYes: {
      one: 'Yes: the one algorithm gives the same model whatever the seed and the row order. {classes}',
      other: 'Yes: all {n} algorithms give the same model whatever the seed and the row order. {classes}',
    },
    answerNone: {
      one: 'No: the one algorithm does not give the same model whatever the seed and the row order. {classes}',
      other: 'No: none of the {n} algorithms gives the same model whatever the seed and the row order. {classes}',
    },
    answerNo: {
      one: 'No: {n} of {algorithms} algorithms gives the same model whatever the seed and the row order. {classes}',
      other: 'No: {n} of {algorithms} algorithms give the same model whatever the seed and the row order. {classes}',
    },
  },
  method: {
    fits: "Fits: seed {seed}; seed {seed} again; seed {otherSeed} on the same data and split (the data and split streams stay at seed {seed}, so only the algorithm's own randomness changes); seed {seed} with the training rows in a fixed other order.",
    shuffled:
      'Shuffled reductions: every batch sums its rows in another order on every run, even with the same seed, as unordered parallel reductions do on GPUs.',
    fixed: 'Reductions: every sum runs in a fixed order, so the same seed repeats bit for bit.',
    comparison:
      'Comparison: the learned parameters bit for bit (kNN has none, so its test predictions are compared); when they differ, the test predictions, and the largest parameter difference.',
    trees:
      'Trees, as in scikit-learn: every node visits the features in an order drawn from the seed and keeps the first best split, so ties between features go to the seed.',
    svms: 'SVMs, as in scikit-learn: the RBF SVM (C = {svmC}, gamma {gamma}) is LIBSVM’s SMO, which draws nothing at random; the linear SVM (C = {linearC}) is LIBLINEAR’s dual coordinate descent, which visits the rows in an order drawn from the seed.',
  },
  labels: {
    heading: 'The audit',
    algorithm: 'Algorithm',
    sameSeed: 'Same seed again',
    otherSeed: 'Another seed',
    permuted: 'Rows reordered',
    category: 'Class',
    comparedBy: 'Compared',
    compared: { parameters: 'parameters', predictions: 'predictions' },
    comparison: {
      identical: 'bit-identical',
      samePredictions: 'same predictions{moved}',
      otherPredictions: 'different predictions{moved}',
      moved: ', parameters differ by up to {diff}',
    },
    /** The chart's columns, short enough for a phone. */
    gridColumns: { sameSeed: 'same seed', otherSeed: 'new seed', permuted: 'new order' },
    gridAlt:
      'For each algorithm, whether two fits matched: the same seed again, another seed, the rows reordered (= bit-identical, ≈ same predictions, ≠ different predictions).',
    driftHeading: 'How a difference in the last bits grows',
    driftAxis: 'largest weight difference between two runs of the same seed',
    epochAxis: 'epoch',
    driftAlt: 'After each epoch, the largest weight difference between two runs of the same seed on the same rows.',
    driftCaption: 'Two runs of the same seed that sum in different orders; after the last epoch their weights differ by up to {last}.',
    noDrift: 'The two runs of the same seed stayed bit-identical after every epoch.',
  },
} as const;
