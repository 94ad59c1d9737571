/** Data size, in English: a phrase table, text only (sentences.ts decides which phrase a study gets). */
export const en = {
  name: 'Data size',
  question:
    'Does deep learning need more data than classic ML? {models} learn from {sizes} training rows, {seeds} (random subsets) per size, and are scored on the same {testRows} test rows.',
  title: 'Learning curves: {dataset}, MLP against classic models, {smallest} to {largest} rows',
  presetTitles: {
    'digits-data-size': 'Does deep learning need more data? Learning curves on digits',
    'spiral-data-size': 'Learning curves on a spiral: the MLP against classic models',
  },
  headline: 'best at {firstSize} rows: {first}; at {lastSize}: {last}',
  badgeBest: 'best: {model}',
  badgeTied: 'tied at {size} rows',
  leader: { diverged: 'every run failed to learn', tied: 'tied: {models}' },
  leaderSentence: {
    diverged: 'With {size} training rows every run failed to learn.',
    best: 'With {size} training rows {model} ({mean}) is best, ahead of every other model on the same subsets.',
    tied: 'With {size} training rows {model} ({mean}) has the highest mean, but it is tied with {others} (within the noise).',
  },
  crossing: {
    'mlp-overtakes': 'the MLP overtakes {model} between {after} and {size} rows',
    'model-overtakes': '{model} overtakes the MLP between {after} and {size} rows',
  },
  verdict: {
    question: 'Does deep learning need more data than classic ML?',
    yesShort: 'Yes: the MLP overtakes {models}',
    yes: 'Yes, here: {crossings} ({method}). ',
    noShort: { one: 'No: {models} overtakes the MLP', other: 'No: {models} overtake the MLP' },
    no: 'No, here: {crossings} ({method}). ',
    notShownShort: 'No crossover found',
    notShown:
      'No crossover found at these sizes: against each classic model the MLP is never significantly behind at one size and significantly ahead at another, or the reverse ({method}). ',
    leaderShort: '{model} at {size} rows',
    tiedShort: 'Tied at {size} rows',
    answer: '{answer}{first} {last}{mlp}{diverged}',
    mlp: ' The MLP goes from {from} to {to}.',
    diverged: {
      one: ' {n} MLP run failed to learn and is left out of the means.',
      other: ' {n} MLP runs failed to learn and are left out of the means.',
    },
  },
  method: {
    learningRate: 'Learning rate: constant {lr}; the MLP trains for {steps} steps at every size (a fixed budget).',
    subsets:
      'Subsets: at each size, {seeds} draw a stratified subset of the {trainRows} training rows from their split stream; scaling statistics come from the subset; the {testRows} test rows stay the same.',
    classic:
      'Classic models: logistic regression (softmax, L2 as scikit-learn’s C = 1, fitted by L-BFGS as its lbfgs solver), kNN (k = {k}), a fully grown decision tree, a random forest of {trees} trees, an RBF SVM (C = {svmC}, gamma {gamma}; LIBSVM’s SMO, as scikit-learn’s SVC) and a linear SVM (C = {linearC}; LIBLINEAR’s dual coordinate descent, as LinearSVC).',
    comparisons:
      'Comparisons: every model fits the same subset for a seed, so models are compared seed by seed (paired t intervals, Bonferroni-adjusted). A model leads at a size only when it beats every other significantly; a crossover needs the MLP significantly behind a model at one size and significantly ahead at a later one (or the reverse). Diverged MLP runs are counted and left out.',
  },
  labels: {
    heading: 'Learning curves',
    caption: 'Mean ± standard deviation over {seeds} stratified subsets per size; the test set is the same {testRows} rows.',
    alt: 'Mean test accuracy of each model against the training-set size, with ± one standard deviation.',
    sizeAxis: 'training rows',
    model: 'Model',
    divergedNote: '({n} failed to learn)',
    differencesHeading: 'The MLP against each model, seed by seed',
    differencesCaption:
      'MLP minus the model in percentage points, mean over seeds with its {level} paired interval; ▲ the MLP is significantly ahead, ▼ behind, = tied.',
    difference: { ahead: '▲ {difference} {interval}', behind: '▼ {difference} {interval}', tied: '= {difference} {interval}' },
    crossoversLine: 'Crossovers: {crossovers}.',
    leadersLine: 'Best model at each size: {leaders}.',
    leader: '{size} rows: {leader}',
  },
} as const;
