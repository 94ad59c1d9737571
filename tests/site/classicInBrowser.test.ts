import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLASSIC_MODELS, DEFAULT_CLASSIC_OPTIONS, fitClassic } from '../../src/classic/classifiers.ts';
import { prepareData } from '../../src/data/prepareData.ts';
import { parseSpecOfKind } from '../../src/index.ts';
import { createStream, seedStreams } from '../../src/random/seedStreams.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

// The classic models (the two SVMs among them) are engine code: the same TypeScript in Node, workerd
// and the browser. Here the engine's data preparation and every classic model run in Chromium, from
// a browser bundle of the same files, and must give Node's predictions and parameters exactly.
// (With Math.exp, the RBF SVM and the logistic regression did not: Chromium 156's exp differs from
// Node 22's in the last bits, so they use stdlib's exp and ln, plain arithmetic.)

/** What a fit gives, in a form both sides can hash: its test predictions and its parameters. */
const FIT = `
  const spec = parseSpecOfKind(input.spec, 'seed-variance');
  const data = prepareData(spec, seedStreams(input.seed));
  const train = { x: data.trainX, y: data.trainY, rows: data.trainY.length, features: data.features, classes: data.classes };
  const fit = fitClassic(input.model, train, createStream(input.seed), { ...DEFAULT_CLASSIC_OPTIONS, forestTrees: 10 });
  return { predictions: [...fit.predict(data.testX, data.testY.length)], parameters: fit.parameters() };
`;
type Fit = { predictions: number[]; parameters: number[] | null };
const fitInNode = new Function(
  'parseSpecOfKind',
  'prepareData',
  'seedStreams',
  'fitClassic',
  'DEFAULT_CLASSIC_OPTIONS',
  'createStream',
  'input',
  FIT,
) as (...args: unknown[]) => Fit;

const specOf = (name: string) => ({
  dataset: { name },
  split: { kind: 'stratified', testFraction: 0.25 },
  scaling: { kind: 'standardize' },
  model: { hidden: [4] },
  training: { optimizer: { kind: 'adam', lr: 0.01 }, epochs: 1 },
  seeds: 1,
});
const digest = (fit: Fit) => createHash('sha256').update(JSON.stringify(fit)).digest('hex');

describe('the classic models in a browser', () => {
  it('give Node’s predictions and parameters, bit for bit, for every model on iris and digits', { timeout: 120_000 }, async () => {
    const bundle = await build({
      stdin: {
        contents: `
          import { parseSpecOfKind } from './src/index.ts';
          import { prepareData } from './src/data/prepareData.ts';
          import { seedStreams, createStream } from './src/random/seedStreams.ts';
          import { fitClassic, DEFAULT_CLASSIC_OPTIONS } from './src/classic/classifiers.ts';
          window.fitClassicHere = (input) => { ${FIT} };`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>engine</title>');
      await page.addScriptTag({ content: bundle.outputFiles[0].text });
      for (const dataset of ['iris', 'digits'])
        for (const model of CLASSIC_MODELS) {
          const input = { spec: specOf(dataset), seed: 3, model };
          const inBrowser = await page.evaluate(
            (i) => (window as unknown as { fitClassicHere: (i: unknown) => Fit }).fitClassicHere(i),
            input,
          );
          const inNode = fitInNode(parseSpecOfKind, prepareData, seedStreams, fitClassic, DEFAULT_CLASSIC_OPTIONS, createStream, input);
          expect(inBrowser.predictions.length, `${model} on ${dataset}`).toBeGreaterThan(0);
          expect(digest(inBrowser), `${model} on ${dataset}`).toBe(digest(inNode));
        }
    } finally {
      await browser.close();
    }
  });
});
