import { type SeedSet, seedList, type TrainingSetup } from '../../../src/index.ts';
import { type Arg, and, int, type Message, pct, pts, ranges, val } from './phrases.ts';
import { ui } from './ui.ts';

/**
 * What every kind's sentences module (site/src/kinds/<kind>/sentences.ts) decides, once for every
 * locale: which phrase each part of a report gets, its tone and its values. The phrases themselves
 * are the kind's tables (en.ts, zh.ts); rendering a message in a locale is phrases.ts's `render`.
 */

/** One verdict entry: the question, a short answer for large type, the full sentence, and its tone. */
export interface VerdictSentence {
  question: Message;
  /** The answer in a few words ("Yes ✓", "0.67 points", a schedule's name). */
  short: Arg;
  answer: Message;
  /** How the short answer is coloured (and the badge: green unless a verdict is bad news). */
  tone: 'good' | 'bad' | 'neutral';
}

/** What a listing entry knows of a finished study: its dataset (none for a kind that trains nothing) and its kind's digest (the engine's `digestOf`). */
export interface Listed<Digest> {
  dataset: string | null;
  digest: Digest;
}

export interface KindSentences<Doc, Digest> {
  /** The kind's name ("Seed variance"). */
  name: Message;
  /** The question the study answers, with its parameters. */
  question(doc: Doc): Message;
  /** The title of a study whose spec has none; presets have their own, by preset name. */
  title(study: Listed<Digest>): Message;
  presetTitles: Record<string, (study: Listed<Digest>) => Message>;
  /** The key result in one line: the listing, embeds, previews, page descriptions. */
  headline(study: Listed<Digest>): Message;
  /** The value half of the badge, kept short. */
  badge(study: Listed<Digest>): Arg;
  /** Every verdict entry of the document, in order. */
  verdict(doc: Doc): VerdictSentence[];
  /** How it was measured: the real steps with their parameters. */
  method(doc: Doc): Message[];
}

/** Identity, so a kind's sentences are checked against its document and digest types. */
export const kindSentences = <Doc, Digest>(sentences: KindSentences<Doc, Digest>) => sentences;

// Phrases every kind uses ------------------------------------------------------------------------

export const seeds = (n: number) => ui.say('words.seeds', { n });
/** A difference or spread of proportions in percentage points, with the unit: "0.67 points". */
export const points = (x: number | null, digits = 2): Arg => (x === null ? null : ui.say('words.points', { x: pts(x, digits) }));
export const notAvailable = ui.say('words.notAvailable');
/** A mean with its standard deviation, said as such (never a bare ±): "94.26% (std 0.67 points)". */
export const meanWithStd = (mean: number, std: number | null, digits = 2) =>
  ui.say('words.plusMinus', { mean: pct(mean, digits), std: points(std) });
export const tied = ui.say('words.tied');
export const yes = ui.say('words.yes');
export const no = ui.say('words.no');
export const none = ui.say('words.none');
export const diverged = ui.say('words.diverged');
/** An RBF SVM's gamma as the spec gives it: a number, or scikit-learn's "scale". */
export const svmGamma = (gamma: number | 'scale'): Arg => (gamma === 'scale' ? ui.say('words.gammaScale') : val(gamma));
/** A model by its id ("logistic-regression" -> "logistic regression"); an id the dictionary lacks is shown as it is. */
export const modelName = (id: string): Arg => (id in ui.tables.en.models ? ui.say(`models.${id as ModelId}`) : id);
type ModelId = keyof typeof ui.tables.en.models;

/** A question the study could not answer: "n/a", and why. */
export function undecided(
  question: Message,
  because: 'all-diverged' | 'mostly-failed' | 'one-run' | 'no-suggestion' | 'not-measured',
  tone: VerdictSentence['tone'] = 'bad',
): VerdictSentence {
  return { question, short: notAvailable, tone, answer: ui.say(`words.undecided.${because}`) };
}

// Paired comparisons (src/stats/paired.ts) -----------------------------------------------------

interface PairedComparison {
  meanDiff: number;
  interval: readonly [number, number] | null;
}
/** A paired difference's interval in points, or why there is none. */
export const pairedInterval = (ci: readonly [number, number] | null): Message =>
  ci ? ui.say('words.pairedInterval', { lo: pts(ci[0]), hi: pts(ci[1]) }) : ui.say('words.noPairedInterval');
/** How the paired comparisons were made: per-comparison level, family-wise 95%. */
export const pairedMethod = (level: number) => ui.say('words.pairedMethod', { level: pct(level, 2) });
/** Each comparison as "<what> <mean difference> points [lo, hi]". */
export const pairedDifferences = <C extends PairedComparison>(comparisons: readonly C[], what: (c: C) => Arg): Arg[] =>
  comparisons.map((c) =>
    ui.say('words.pairedDifference', { what: what(c), difference: points(c.meanDiff), interval: pairedInterval(c.interval) }),
  );

// How a run trains ------------------------------------------------------------------------------

/** The shape of a study's data, where a document records it. */
export interface DataShape {
  trainRows: number;
  testRows: number;
  features: number;
  classes: number;
  layerSizes: readonly number[];
  parameters: number;
}

/** The steps of one training run with the spec's real parameters; `learningRate` replaces the constant-rate step. */
export function trainingMethod(setup: TrainingSetup, shape: DataShape | null, learningRate?: Message): Message[] {
  const { dataset, split, scaling, model, training } = setup;
  const o = training.optimizer;
  const rows = shape ? ui.say('method.splitRows', { test: shape.testRows, train: shape.trainRows }) : '';
  return [
    dataset.name === 'upload'
      ? shape
        ? ui.say('method.dataUploadedShape', { id: dataset.id, features: shape.features, classes: shape.classes })
        : ui.say('method.dataUploaded', { id: dataset.id })
      : 'samples' in dataset
        ? ui.say('method.dataSynthetic', {
            name: dataset.name,
            samples: dataset.samples,
            noise: dataset.noise,
            classes:
              dataset.name === 'blobs' || dataset.name === 'spiral' ? ui.say('method.syntheticClasses', { classes: dataset.classes }) : '',
          })
        : shape
          ? ui.say('method.dataBundledShape', { name: dataset.name, features: shape.features, classes: shape.classes })
          : ui.say('method.dataBundled', { name: dataset.name }),
    split.kind === 'index-mod'
      ? ui.say('method.splitIndexMod', { k: split.k, r: split.r, rows })
      : ui.say('method.splitStratified', { fraction: split.testFraction, rows }),
    scaling.kind === 'none'
      ? ui.say('method.scalingNone')
      : scaling.kind === 'divide'
        ? ui.say('method.scalingDivide', { by: scaling.by })
        : ui.say('method.scalingStandardize'),
    ui.say('method.init', {
      net: shape
        ? ui.say('method.netShape', { layers: shape.layerSizes.join(' → '), parameters: int(shape.parameters) })
        : ui.say('method.netHidden', { hidden: and(model.hidden) }),
      activation: model.activation,
      initializer: model.initializer,
    }),
    ui.say('method.epochs', {
      batches: shape
        ? ui.say('method.batchesCounted', { count: Math.ceil(shape.trainRows / training.batchSize), size: training.batchSize })
        : ui.say('method.batches', { size: training.batchSize }),
      epochs: training.epochs,
    }),
    ui.say('method.forward', {
      activation: model.activation,
      dropout: model.dropout ? ui.say('method.dropout', { rate: model.dropout }) : '',
    }),
    ui.say('method.loss'),
    ui.say('method.backward'),
    o.kind === 'adam'
      ? ui.say('method.updateAdam', { lr: o.lr, beta1: o.beta1, beta2: o.beta2, epsilon: o.epsilon })
      : ui.say('method.updateSgd', { lr: o.lr, momentum: o.momentum ? ui.say('method.momentum', { momentum: o.momentum }) : '' }),
    learningRate ?? ui.say('method.constantLr', { lr: o.lr }),
  ];
}

/** The seeds a study ran, compactly: "Seeds: 1–30." */
export const seedsMethod = (seeds: SeedSet) => ui.say('method.seeds', { seeds: ranges(seedList(seeds)) });
