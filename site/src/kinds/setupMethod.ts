import type { SeedVarianceDocument, TrainingSetup } from '../../../src/index.ts';
import { type DataShape, formatFor, type Locale, t } from '../i18n/index.ts';

/** The steps of one training run with the spec's real parameters; `learningRate` replaces the constant-rate step. */
export function trainingMethod(locale: Locale, setup: TrainingSetup, shape: DataShape | null, learningRate?: string): string[] {
  const m = t(locale).method;
  const f = formatFor(locale);
  return [
    m.data(setup.dataset, shape),
    m.split(setup.split, shape),
    m.scaling(setup.scaling),
    m.init(setup, shape, f),
    m.epochs(setup, shape),
    m.forward(setup),
    m.loss,
    m.backward,
    m.update(setup),
    learningRate ?? m.constantLr(setup.training.optimizer.lr),
  ];
}

/** The data and model shape a seed-variance document records. */
export const dataShape = (doc: SeedVarianceDocument): DataShape => ({
  ...doc.data,
  layerSizes: doc.model.layerSizes,
  parameters: doc.model.parameters,
});
