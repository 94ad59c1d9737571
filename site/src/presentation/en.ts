/**
 * The interface words shared by every page, in English (Astro's i18n recipe: one dictionary per
 * locale, read with `t(locale)`): a phrase table, text only (see phrases.ts). Words that belong to
 * one study kind live in its view folder.
 */
export const en = {
  siteTitle: 'Seedlab',
  tagline: 'Same network, same data, different accuracy: measured, with evidence.',
  /** A study whose document does not exist yet, titled by its kind and dataset. */
  pendingTitle: '{kind}: {dataset}',
  /** A preview image's text alternative: what it shows, the answer first. */
  previewAlt: '{kind}. {question} {answer}. {headline}',
  /** This language's own name, for the link to it. */
  languageName: 'English',
  nav: { label: 'Site', guide: 'Guide', glossary: 'Glossary', newStudy: 'New study', studies: 'All studies' },
  index: {
    studies: 'Studies',
    allKinds: 'All',
    kind: 'Kind',
    dataset: 'Dataset',
    noStudies: 'No finished studies yet. Run npm start, or submit one through the API.',
    /** The index of one kind that has no finished study (yet). */
    noStudiesOfKind: 'No finished study of this kind yet.',
    partial: 'partial',
    failed: 'failed',
    next: 'Older studies →',
    first: '← Newest studies',
    /** A cursor that is not one the site gave (an edited or outdated link). */
    badCursor: 'This page of the list does not exist (the link is outdated or was edited).',
  },
  notFound: { title: 'Not found', text: 'There is no page at this address.' },
  /** Terms the reports use, explained once; a report links each term's first use here. */
  glossary: {
    title: 'Glossary',
    intro: 'The statistical terms the reports use, in plain words.',
    terms: [
      {
        id: 'ci',
        term: 'Confidence interval (CI)',
        uses: ['95% confidence interval', 'confidence interval', 'CI'],
        text: 'A range computed from the seeds that were run, by a method that catches the true value (here: the mean over all possible seeds) in 95% of repetitions. Narrow means the seeds agree; it says nothing about seeds outside the study’s setup.',
      },
      {
        id: 'paired',
        term: 'Paired comparison',
        uses: ['paired'],
        text: 'Two configurations trained with the same seeds and compared seed by seed. The difference per seed cancels what the seed does to both, so fewer seeds tell the two apart.',
      },
      {
        id: 'bootstrap',
        term: 'Bootstrap',
        uses: ['bootstrap'],
        text: 'An interval found by resampling the measured runs with replacement many times (with a fixed seed) and reading the spread of the recomputed statistic. Used where no formula gives the interval.',
      },
      {
        id: 'iqr',
        term: 'Interquartile range (IQR)',
        uses: ['interquartile range', 'IQR'],
        text: 'The range of the middle half of the values: from the 25th to the 75th percentile. Unlike the full range, one extreme seed does not move it.',
      },
      {
        id: 'iqm',
        term: 'Interquartile mean (IQM)',
        uses: ['interquartile mean', 'IQM'],
        text: 'The mean of the middle half of the runs: a quarter cut from each end first. One run that failed or got lucky moves it less than the mean, and it needs fewer runs than the median to settle (Agarwal et al., 2021).',
      },
      {
        id: 'improvement',
        term: 'Probability of improvement',
        uses: ['probability of improvement'],
        text: 'The chance that a fresh run of one setup is better than a fresh run of the other (ties count half). 50% means neither tends to win; it says how often, not by how much.',
      },
      {
        id: 'std',
        term: 'Standard deviation (std, n−1)',
        uses: ['standard deviation', 'n−1', 'std'],
        text: 'How far runs typically lie from their mean, with the sample correction (dividing by n−1, as numpy’s ddof=1 and pandas do), in percentage points of accuracy.',
      },
      {
        id: 'points',
        term: 'Percentage points',
        uses: ['points'],
        text: 'The difference between two percentages: from 90% to 92% is 2 points (not 2%).',
      },
      {
        id: 'decades',
        term: 'Decades (of learning rate)',
        uses: ['decades', 'decade'],
        text: 'Factors of ten: learning rates 0.001 and 0.1 are two decades apart.',
      },
      {
        id: 'power',
        term: 'Power',
        uses: ['power'],
        text: 'The chance that a test detects a difference of a given size when it is real. 80% power is the usual target for choosing how many seeds to run.',
      },
      {
        id: 't-interval',
        term: 't interval (Student’s, paired, Welch’s)',
        uses: ['paired t interval', 't interval', 'Welch’s interval', 'Welch’s t'],
        text: 'A confidence interval for a mean (or a mean difference) from the t distribution with n−1 degrees of freedom: mean ± t × std / √n. Paired, it is taken over the per-seed differences; Welch’s version compares two groups whose spreads may differ (scipy’s ttest_ind with equal_var=False).',
      },
      {
        id: 'chi-square',
        term: 'Chi-square interval (of a standard deviation)',
        uses: ['chi-square interval'],
        text: 'An interval for a standard deviation: (n−1)·s² divided by the chi-square distribution’s 97.5th and 2.5th percentiles, square-rooted. It assumes roughly normal runs; with few runs it is wide, and rightly so.',
      },
      {
        id: 'f-interval',
        term: 'F interval (of a ratio of two variances)',
        uses: ['F intervals', 'F interval'],
        text: 'An interval for how many times one spread’s variance is another’s, from the F distribution. When it includes 1, the two spreads are tied.',
      },
      {
        id: 'bonferroni',
        term: 'Bonferroni correction (Bonferroni-adjusted intervals)',
        uses: ['Bonferroni-adjusted', 'Bonferroni'],
        text: 'When one study makes k comparisons, each is tested at 5%/k (each interval at 1 − 5%/k), so that the chance of any false “winner” stays under 5%.',
      },
      {
        id: 'binomial-se',
        term: 'Binomial standard error',
        uses: ['binomial standard error'],
        text: 'How much an accuracy p measured on n test rows moves from one test set of that size to another: √(p(1−p)/n). It is the floor under any comparison scored on those rows.',
      },
      {
        id: 'streams',
        term: 'Random streams',
        uses: ['streams', 'stream'],
        text: 'Seedlab draws each kind of randomness from its own seeded stream: data (generating synthetic data), split (train and test rows), init (initial weights), order (batch order), dropout (masks). One stream can vary while the others stay fixed, which is how the variance-sources study separates them.',
      },
      {
        id: 'range-test',
        term: 'Learning-rate range test (Smith 2015) and its rules',
        uses: ['range test', 'Range test'],
        text: 'Train for a few hundred batches while the learning rate grows from tiny to huge, and read a good rate off the loss curve. fastai’s rules: steepest (where the loss falls fastest), minOver10 (the rate at the lowest loss, divided by ten) and valley (about halfway down the longest descent).',
      },
      {
        id: 'ema',
        term: 'Exponential moving average (smoothing)',
        uses: ['exponential moving average'],
        text: 'Each smoothed value is β times the previous one plus (1 − β) times the new value, with a bias correction at the start; fastai’s range test smooths its loss this way (β 0.98).',
      },
      {
        id: 'schedules',
        term: 'Learning-rate schedules: step decay, cyclical, one-cycle, cosine annealing',
        uses: ['cosine annealing', 'one-cycle', 'cyclical', 'step decay'],
        text: 'How the learning rate changes during training: step decay divides it at set epochs; cyclical moves it between two bounds and back (Smith 2017); one-cycle rises to a peak, then anneals far below the start (Smith and Topin 2019); cosine annealing follows half a cosine down.',
      },
      {
        id: 'fingerprint',
        term: 'Fingerprint',
        uses: ['fingerprints', 'fingerprint'],
        text: 'A SHA-256 hash of a trained network’s weights (their exact bits). Equal fingerprints mean identical weights; anyone can re-train a seed and compare.',
      },
    ],
  },
  /** A badge's words where a study has no number to show. */
  badge: { failed: 'failed', missing: 'no such study', unreadable: 'unreadable' },
  status: {
    queued: 'Queued',
    running: 'Running',
    progress: '{done} of {total} runs done',
    refreshing: 'The report appears here when the last run is done; this page refreshes itself every few seconds.',
    overdue:
      'This study has been unfinished for {minutes} minutes, longer than any study may run. The repair re-sends stalled work every minute; this page has stopped refreshing itself: reload it to check again.',
    failedTitle: 'This study failed',
    failedText: 'Too few runs finished for this kind of study to answer its question. What failed:',
    seeds: 'Seeds',
    error: 'Error',
    attempts: 'Attempts',
    retry: 'POST /api/studies/{id}/retry (with a write token) trains the failed units again.',
    unreadableTitle: 'This study cannot be read',
    unreadableText: 'The stored data of study {id} cannot be read: {error}. Nothing else is affected.',
    statusJson: 'Status JSON',
  },
  report: {
    question: 'The question',
    answer: 'The answer',
    keyChart: 'What was measured',
    method: 'How it was measured',
    details: 'Details',
    reproduce: 'Reproduce this',
    share: 'Share',
    jsonLink: 'Study JSON',
    runAgain: 'Run this again with changes',
    reproduceData: 'It trains on an uploaded table: the CLI reads its canonical CSV (the dataset card links it).',
    /** A partial study: which seeds are missing and why, before any number is read. */
    partial:
      'Partial study: the runs of seeds {seeds} failed ({errors}). Every number below comes from the runs that finished; retrying the failed units completes it.',
    spec: 'The exact spec',
    reproduceApi: 'Through the API (needs a write token):',
    reproduceCli: 'With the CLI, on your machine (save the spec above as spec.json):',
    environment: 'Environment',
    tfjs: 'TensorFlow.js',
    backend: 'Backend',
    runtime: 'Runtime',
    engine: 'Engine version',
    id: 'Study id',
    copyLink: 'Copy link',
    copyEmbed: 'Copy embed code',
    /** The study's data to take away: its document, and its runs as a table where it has them. */
    takeAway: 'Data:',
    /** Under every chart: its permalink, its own embed card, and the chart as an image. */
    chartLinks: { permalink: 'Link', embed: 'Embed this chart', svg: 'SVG', png: 'PNG' },
    /** Beside a section's heading: the link to it. */
    sectionLink: 'Link to this section',
    /** The short share line under a report's title. */
    shareTop: 'Share this report:',
    moreSharing: 'Embed code and badge',
    embedScript:
      'Where the page allows scripts, the script sets the frame to the card’s height; without it, the frame alone shows the whole card at any width from 300 px.',
    embedTheme:
      'Light by default. For a dark page, to follow the reader’s system setting, or to draw on the page’s own colour, add to its src (join two with &):',
    copyBadge: 'Copy badge Markdown',
    copied: 'Copied',
    openReport: 'Open the full report',
    /** The header of a table's column of notes. */
    note: 'Note',
  },
  /**
   * The panel that re-trains a seed in the reader's browser. Words with {placeholders} are filled in
   * by the page's script (site/src/verify/verifyPanel.ts) once the numbers exist.
   */
  /** What every surface says of a study of imported runs: Seedlab measured them, it did not train them. */
  imported: {
    notice: 'Imported: not trained by Seedlab',
    badge: 'imported, not trained by Seedlab',
    noticeLong:
      'Imported: these runs were trained elsewhere and uploaded; Seedlab did not train them. It measured the uploaded numbers; it cannot vouch for how they were made.',
    checkHeading: 'Check it yourself',
    checkNote:
      'There is nothing to re-train here: the runs were trained outside Seedlab. A fingerprint in the runs table is the uploader’s, shown as given and not checked. Every number above is computed from the uploaded runs, which you can download:',
    source: 'Source',
    framework: 'Framework',
    url: 'Address',
    noSource: 'not given',
    reproduceCli: 'With the CLI, on your machine: download the runs, then measure them again (runs.csv holds no curves).',
  },
  verify: {
    heading: 'Check it yourself',
    intro:
      'Re-train one seed of this study in your browser, with the same engine on the same backend ({backend}), and compare the SHA-256 fingerprint of its weights with the one stored here. The engine loads only when you click, from this site; nothing you train is sent anywhere.',
    seed: 'Seed',
    arm: 'Setup',
    seedsRun: 'The study ran seeds {seeds}. Any other seed is a new one: the page shows where it lands among them.',
    newSeed: 'Pick a seed the study did not run',
    otherEngine:
      'This study was trained by engine {engine}; this site runs engine {current}, whose fingerprints can differ, so its seeds cannot be re-checked here.',
    /** Filled in by the page's script (site/src/verify/verifyPanel.ts) once the numbers exist: passed on as written. */
    script: {
      button: 'Re-train seed {seed} in your browser',
      loading: 'Loading the engine ({backend})…',
      running: 'Training seed {seed}: epoch {epoch} of {epochs}…',
      match: 'Match: seed {seed} gave the same weights in your browser (fingerprint {fingerprint}), in {seconds} s on {backend}.',
      mismatch:
        'Mismatch: seed {seed} gave fingerprint {fingerprint} in your browser, in {seconds} s on {backend}; the study stored {stored}.',
      landed:
        'Seed {seed} is not one of the study’s: test accuracy {accuracy}, higher than {below} of its {count} seeds (marked on the chart). Fingerprint {fingerprint}, in {seconds} s on {backend}.',
      landedAbout:
        'Seed {seed} is not one of the study’s: test accuracy {accuracy}, higher than about {below} of its {count} seeds (by its histogram; marked on the chart). Fingerprint {fingerprint}, in {seconds} s on {backend}.',
      diverged:
        'Seed {seed} failed to learn (its loss stopped being finite, or ended no lower than a uniform guess’s), as failed runs are counted in the study. Fingerprint {fingerprint}.',
      error: 'Could not re-train: {error}',
      /** The label of the mark a new seed leaves on the chart. */
      mark: 'seed {seed}',
    },
  },
  /** An uploaded dataset: its page (/d/<id>/) and the card on each report of a study that trains on it. */
  dataset: {
    heading: 'Dataset {name}',
    intro:
      'A table uploaded to this Seedlab. Its id is the SHA-256 of its canonical form, so the same table uploaded twice is this one dataset.',
    card: 'The data',
    rows: 'Rows',
    features: 'Features',
    label: 'Label column',
    classes: 'Classes',
    id: 'Id',
    classCounts: 'Rows per class',
    className: 'Class',
    count: 'Rows',
    ranges: 'Feature ranges',
    feature: 'Feature',
    min: 'Smallest',
    max: 'Largest',
    studies: 'Studies that train on it',
    noStudies: 'No study trains on it yet.',
    moreStudies: 'The first {count} are listed.',
    csv: 'The canonical table (CSV)',
    page: 'The dataset’s page',
    newStudy: 'Write a study on it',
    missing: 'No dataset with this id is stored here.',
  },
  /** The form that writes and submits a study (/new/). Words under `script` are filled in by site/src/newStudy/newStudyForm.ts. */
  newStudy: {
    title: 'Write a study',
    intro:
      'Start from a preset, a blank spec or a report, choose the data (a built-in set or your own CSV), change any field, see the engine’s checks and the time estimate, and submit with this Seedlab’s write token.',
    startFrom: 'Start from',
    blank: 'a blank spec',
    fromReport: 'the report {id}',
    data: 'Data',
    dataset: 'Dataset',
    uploaded: 'uploaded table {id}',
    file: 'Your CSV (a header row, numeric features, one label column; up to 5 MB and 1,000,000 cells, 2 to 50 classes)',
    labelColumn: 'Label column (empty: the last column)',
    datasetName: 'Name (optional)',
    upload: 'Upload the table',
    training: 'Seeds and training',
    seeds: 'Seeds',
    epochs: 'Epochs',
    spec: 'The spec (JSON): every field of the kind',
    checks: 'Checks',
    token: 'Write token (kept for this tab only, sent only to this site)',
    submit: 'Submit the study',
    yourself: 'Submit it yourself',
    yourselfIntro: 'The spec above, sent with curl to this Seedlab, or trained on your own machine with the CLI:',
    script: {
      valid: 'The spec is valid.',
      notJson: 'The spec is not JSON: {error}',
      estimating: 'Estimating…',
      estimate: '{runs} runs in {units} units: at most {seconds} s of training (this Seedlab’s limit: {limit} s).',
      exists: 'This study exists already: {link}.',
      tooLong: 'Too long for this Seedlab: {error}',
      needToken: 'Paste the write token first.',
      uploading: 'Uploading…',
      uploaded: '{name}: {rows} rows, {features} features, classes {classes} (id {id}).',
      uploadFailed: 'Not uploaded: {error}',
      submitting: 'Submitting…',
      submitFailed: 'Not submitted: {error}',
      open: 'open it',
      noFile: 'Choose a CSV file first.',
    },
  },
  words: {
    yes: 'Yes',
    no: 'No',
    tied: 'Tied',
    none: 'none',
    notAvailable: 'n/a',
    diverged: 'failed to learn',
    /** scikit-learn's default gamma for the RBF SVM. */
    gammaScale: '“scale” (1 / (features · variance of the training values))',
    seed: 'Seed',
    seeds: { one: '{n} seed', other: '{n} seeds' },
    points: '{x} points',
    /** A paired difference's interval, in points, or why there is none. */
    pairedInterval: '[{lo}, {hi}]',
    noPairedInterval: '(one pair: no interval)',
    /** One paired comparison: what, the mean difference, its interval. */
    pairedDifference: '{what} {difference} {interval}',
    /** A label before its value, with the language's colon. */
    /** A label before its value, with the space the locale puts after it. */
    labelled: '{label}: ',
    /** A remark in brackets after a word, with the language's brackets and spacing. */
    aside: ' ({remark})',
    /** How paired comparisons were made: per-comparison level, family-wise 95%. */
    pairedMethod: 'paired by seed, {level} intervals (95% for all comparisons together)',
    /** A mean with its standard deviation, said as such (never a bare ±). */
    plusMinus: '{mean} (std {std})',
    accuracyAxis: 'test accuracy (%)',
    mean: 'Mean',
    median: 'Median',
    std: 'Std (n−1)',
    ciT: '95% CI (t)',
    ciBootstrap: '95% CI (bootstrap)',
    testAccuracy: 'Test accuracy',
    fingerprint: 'Fingerprint',
    /** Why a question has no answer (a verdict outcome of "undecided"). */
    undecided: {
      'all-diverged':
        'No answer: every run failed to learn (its loss became NaN or infinite, or ended no lower than a uniform guess’s, ln K for K classes).',
      'mostly-failed':
        'Undecided: more than half of the runs failed to learn (their loss became NaN or infinite, or ended no lower than a uniform guess’s, ln K for K classes); the few that learned do not stand for the seeds.',
      'one-run': 'Undecided: one run learned, and the spread of one value is undefined. Run two or more seeds.',
      'no-suggestion': 'No answer: no seed gave a suggestion.',
      'not-measured': 'Not measured by this study.',
    },
  },
  /** The models a study can train, by id. */
  models: {
    mlp: 'MLP',
    'logistic-regression': 'logistic regression',
    knn: 'kNN',
    'decision-tree': 'decision tree',
    'random-forest': 'random forest',
    svm: 'RBF SVM',
    'linear-svm': 'linear SVM',
  },
  guide: {
    title: 'Guide: four classic questions about training',
    heading: 'Four classic questions about training',
    description: 'Four questions, each answered by a reproducible study.',
    intro: 'Each question is answered by the live card of the study that measures it; open the full report from the card.',
    /** Around a preset's name and the command that runs it (both shown as code). */
    notRun: { before: 'The preset', after: 'has not run yet; this command runs it:' },
    /** Under the first question, around a link to a report's "Training, step by step" (the link is the study's title). */
    stepByStep: {
      before: 'How a network learns, step by step: the report',
      after:
        'draws one seed’s decision boundary as it trained and works through its first training step in numbers (forward pass, loss, gradients, update).',
    },
    questions: [
      {
        q: '1. Why does the same network give a different accuracy on every run?',
        text: 'Randomness enters a training run in several places: the initial weights, the order of the data in every epoch, the train/test split and the dropout masks. The first card trains one network with many seeds and measures whether a seed repeats and how far accuracy moves; the second varies one source at a time.',
      },
      {
        q: '2. Does every algorithm give the same model every time?',
        text: 'The audit trains each algorithm with the same seed twice, with another seed, and with the training rows in another order, and compares the models bit for bit.',
      },
      {
        q: '3. Does deep learning need more data than classic ML?',
        text: 'Learning curves train an MLP and classic models (logistic regression, kNN, a decision tree, a random forest, an RBF-kernel SVM and a linear SVM) on growing subsets of the training rows and score them on one fixed test set, on digits and on a synthetic spiral.',
      },
      {
        q: '4. How do you find a good learning rate: from high to low (annealing), or from low to high (Smith’s range test)?',
        text: 'The range test grows the learning rate batch by batch and reads a suggestion off the loss curve, over many seeds, then trains at the suggestion to check it. The schedules study trains the same seeds with constant, step, exponential, cyclical and one-cycle schedules.',
      },
    ],
  },
  /** The steps of one training run, with the spec's real parameters (worded by setupMethod.ts). */
  method: {
    dataSynthetic: 'Data: synthetic {name}, {samples} samples generated from the data stream, noise {noise}{classes}.',
    syntheticClasses: ', {classes} classes',
    dataBundled: 'Data: the bundled {name} set.',
    dataBundledShape: 'Data: the bundled {name} set ({features} features, {classes} classes).',
    dataUploaded: 'Data: the uploaded table {id}.',
    dataUploadedShape: 'Data: the uploaded table {id} ({features} features, {classes} classes).',
    splitIndexMod: 'Split: rows with index % {k} == {r} are the test set{rows}; the others train.',
    splitStratified: 'Split: stratified, drawn from the split stream, test fraction {fraction}{rows}.',
    splitRows: ' ({test} test rows, {train} training rows)',
    scalingNone: 'Scaling: none.',
    scalingDivide: 'Scaling: features divided by {by}.',
    scalingStandardize: 'Scaling: standardized with the training rows’ mean and standard deviation.',
    init: 'Init: {net}, {activation} activations, weights drawn {initializer} from the init stream, biases zero.',
    netShape: 'MLP {layers} ({parameters} parameters)',
    netHidden: 'MLP with hidden layers {hidden}',
    epochs:
      'Each epoch: shuffle the training rows with the order stream and cut {batches} (the last partial batch is kept), for {epochs} epochs.',
    batchesCounted: '{count} batches of {size}',
    batches: 'batches of {size}',
    forward: 'Each batch, forward: x·Wᵀ + b, {activation}{dropout}, logits from the last layer.',
    dropout: ', dropout {rate} (a new mask from the dropout stream every step)',
    loss: 'Loss: softmax cross-entropy, averaged over the batch.',
    backward: 'Backward: one gradient call gives every seed in the group its own gradients.',
    updateAdam: 'Update: Adam, lr {lr}, β1 {beta1}, β2 {beta2}, ε {epsilon}.',
    updateSgd: 'Update: SGD, lr {lr}{momentum}.',
    momentum: ', momentum {momentum}',
    constantLr: 'Learning rate: constant {lr}.',
    seeds: 'Seeds: {seeds}.',
  },
} as const;
