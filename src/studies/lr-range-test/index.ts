import { z } from 'zod';
import { finiteOrNull, SeedResult } from '../../document/parts.ts';
import { rowOf } from '../../document/runRows.ts';
import { seedGroupWork, setupShape } from '../../spec/budget.ts';
import { addWork, rangeSweep } from '../../spec/timeModel.ts';
import { bonferroniLevel, comparisonRecord, pairedDifference } from '../../stats/paired.ts';
import { quantile } from '../../stats/summarize.ts';
import { accuracyBySeed, runSeeds, seedResult, summarizeRuns } from '../runSeeds.ts';
import { bodyUnchanged, chunk, type DocumentBody, defineStudyKind, type UnitContext } from '../studyKind.ts';
import { LrRangeTestDocument, LrRangeTestDocumentV1, type LrRangeTestVerdict, type SuggestionStats } from './document.ts';
import { LrRangeTestDigest, lrRangeTestDigest, readings, significantlyBetter } from './readings.ts';
import { LrRangeTestSpec } from './spec.ts';
import {
  minOver10Suggestion,
  recordedLength,
  smoothLosses,
  steepestSuggestion,
  suggestionWindow,
  valleySuggestion,
} from './suggestions.ts';

/** lr_i for the sweep: exponential lr_i = start * (end/start)^(i/(n-1)), or linear. */
function rangeLearningRates(range: LrRangeTestSpec['range']): number[] {
  const n = range.iterations;
  return Array.from({ length: n }, (_, i) =>
    range.mode === 'exponential'
      ? range.startLr * (range.endLr / range.startLr) ** (i / (n - 1))
      : range.startLr + ((range.endLr - range.startLr) * i) / (n - 1),
  );
}

const Suggestions = z.object({ steepest: z.number().nullable(), minOver10: z.number().nullable(), valley: z.number().nullable() });
const RangeCurveResult = z.object({
  seed: z.number().int(),
  losses: z.array(finiteOrNull),
  smoothed: z.array(finiteOrNull),
  stoppedAt: z.number().int(),
  window: z.object({ start: z.number().int(), end: z.number().int() }),
  suggestions: Suggestions,
});
type RangeCurveResult = z.infer<typeof RangeCurveResult>;
const RangeUnit = z.object({ purpose: z.literal('range'), seeds: z.array(z.number().int()) });
const VerifyUnit = z.object({ purpose: z.literal('verify'), multiplier: z.number(), seeds: z.array(z.number().int()) });
const VerifyResult = z.object({ lr: z.number().nullable(), runs: z.array(SeedResult) });
const RangePart = z.object({ unit: RangeUnit, result: z.array(RangeCurveResult) });
const VerifyPart = z.object({ unit: VerifyUnit, result: VerifyResult });
type Unit = z.infer<typeof RangeUnit> | z.infer<typeof VerifyUnit>;
type Part = z.infer<typeof RangePart> | z.infer<typeof VerifyPart>;
const isRangePart = (p: Part): p is z.infer<typeof RangePart> => p.unit.purpose === 'range';
const isVerifyPart = (p: Part): p is z.infer<typeof VerifyPart> => p.unit.purpose === 'verify';

/** Smith's range test over seeds: the lr grows every batch, cycling through the shuffled training rows. */
async function runRangeTest(spec: LrRangeTestSpec, seeds: number[], context: UnitContext = {}): Promise<RangeCurveResult[]> {
  const lrs = rangeLearningRates(spec.range);
  const losses = seeds.map(() => [] as number[]);
  await runSeeds(spec, seeds, {
    learningRateAt: (step) => lrs[step - 1],
    maxSteps: lrs.length,
    evaluate: 'end',
    onEpoch: context.onEpoch,
    onStepLoss: (_step, perSeed) => perSeed.forEach((loss, s) => void losses[s].push(loss)),
  });
  return seeds.map((seed, s) => {
    const smoothedAll = smoothLosses(losses[s], spec.range.smoothing);
    // What fastai's LRFinder records, then the window its rules read (suggestions.ts).
    const stop = recordedLength(smoothedAll, spec.range.divergeFactor);
    const window = suggestionWindow(smoothedAll, spec.range.iterations, stop);
    const windowLrs = lrs.slice(window.start, window.end);
    const windowLosses = smoothedAll.slice(window.start, window.end);
    return {
      seed,
      losses: losses[s].slice(0, stop).map((x) => (Number.isFinite(x) ? x : null)),
      smoothed: smoothedAll.slice(0, stop).map((x) => (Number.isFinite(x) ? x : null)),
      stoppedAt: stop,
      window,
      suggestions: {
        steepest: steepestSuggestion(windowLrs, windowLosses),
        minOver10: minOver10Suggestion(windowLrs, windowLosses),
        valley: valleySuggestion(windowLrs, windowLosses),
      },
    };
  });
}

function suggestionStats(values: (number | null)[]): SuggestionStats {
  const ok = values.filter((v): v is number => v !== null && v > 0);
  if (!ok.length) return { median: null, q25: null, q75: null, iqrDecades: null, perSeed: values };
  const logs = ok.map(Math.log10);
  const [q25, median, q75] = [0.25, 0.5, 0.75].map((q) => 10 ** quantile(logs, q));
  return { median, q25, q75, iqrDecades: Math.log10(q75) - Math.log10(q25), perSeed: values };
}

/** The lr to verify: the median across seeds of the chosen suggestion (recomputed, so each unit stands alone). */
async function suggestedLr(spec: LrRangeTestSpec): Promise<number | null> {
  const curves = await runRangeTest(spec, spec.seeds);
  return suggestionStats(curves.map((c) => c.suggestions[spec.verify.suggestion])).median;
}

/** The verdict, decided from the measured body (combine and the version-1 migration both use it). */
function decide(spec: LrRangeTestSpec, body: Pick<LrRangeTestDocument, 'suggestions' | 'verification'>): LrRangeTestVerdict[] {
  const rule = spec.verify.suggestion;
  const s = body.suggestions[rule];
  const arms = body.verification.arms;
  const scored = arms.flatMap((a) => (a.summary ? [{ multiplier: a.multiplier, mean: a.summary.mean }] : []));
  const best = scored.length ? scored.reduce((a, b) => (b.mean > a.mean ? b : a)) : null;
  const atOne = arms.find((a) => a.multiplier === 1);
  const others = arms.filter((a) => a !== atOne);
  const level = bonferroniLevel(others.length);
  const x1 = atOne ? accuracyBySeed(atOne.runs) : new Map<number, number>();
  const comparisons = atOne
    ? others.map((a) => comparisonRecord(String(a.multiplier), pairedDifference(accuracyBySeed(a.runs), x1, level)))
    : [];
  const x1Diverged = Boolean(atOne?.runs.length) && x1.size === 0;
  // The suggestion holds up unless another multiple trains significantly better, or x1 diverged.
  const beaten = significantlyBetter(comparisons).length > 0;
  const holdsUp: Extract<LrRangeTestVerdict, { question: 'holds-up' }>['outcome'] = !atOne?.runs.length
    ? { is: 'undecided', because: s.median === null ? 'no-suggestion' : 'not-measured' }
    : { is: x1Diverged || beaten ? 'no' : 'yes' };
  const noSuggestion = { is: 'undecided', because: 'no-suggestion' } as const;
  return [
    {
      question: 'suggested-lr',
      outcome: s.median === null ? noSuggestion : { is: 'measured' },
      facts: { rule, seedsWithSuggestion: s.perSeed.filter((v) => v !== null && v > 0).length, seeds: s.perSeed.length },
    },
    { question: 'suggestion-spread', outcome: s.iqrDecades === null ? noSuggestion : { is: 'measured' }, facts: { rule } },
    { question: 'holds-up', outcome: holdsUp, facts: { bestMultiplier: best?.multiplier ?? null, comparisons, level, x1Diverged } },
  ];
}

export const lrRangeTest = defineStudyKind({
  kind: 'lr-range-test',
  specSchema: LrRangeTestSpec,
  documentSchema: LrRangeTestDocument,
  dataset: (spec) => spec.dataset,
  digest: { schema: LrRangeTestDigest, of: lrRangeTestDigest },
  readings,

  training: {
    partSchema: z.union([RangePart, VerifyPart]),
    unitWork(spec, unit: Unit) {
      const shape = setupShape(spec, spec.seeds[0]);
      // Every unit sweeps all the seeds: the range unit for its curves, a verify unit to find the lr it trains at.
      const sweep = rangeSweep(spec.backend, shape, {
        seeds: spec.seeds.length,
        batchSize: spec.training.batchSize,
        iterations: spec.range.iterations,
      });
      if (unit.purpose === 'range') return sweep;
      return addWork(sweep, seedGroupWork(spec, spec.backend, unit.seeds.length, spec.seeds[0]));
    },

    plan(spec, seedsPerUnit): Unit[] {
      const units: Unit[] = [{ purpose: 'range', seeds: spec.seeds }];
      for (const multiplier of spec.verify.multipliers) {
        for (const seeds of chunk(spec.seeds, seedsPerUnit)) units.push({ purpose: 'verify', multiplier, seeds });
      }
      return units;
    },

    async runUnit(spec, unit, context) {
      if (unit.purpose === 'range') return runRangeTest(spec, unit.seeds, context);
      const base = await suggestedLr(spec);
      if (base === null) return { lr: null, runs: [] };
      const lr = base * unit.multiplier;
      const training = { ...spec.training, optimizer: { ...spec.training.optimizer, lr } };
      const outcomes = await runSeeds({ ...spec, training }, unit.seeds, { onEpoch: context.onEpoch });
      return { lr, runs: outcomes.map((o) => seedResult(o.record)) };
    },

    /** The trainings at multiples of the suggested lr (`multiplier`, and the `lr` it gave); the range sweep's curves are not runs with an outcome. */
    runRows: {
      columns: ['multiplier', 'lr'],
      rows(_spec, unit, result) {
        if (unit.purpose !== 'verify' || !('runs' in result) || result.lr === null) return [];
        const { lr } = result;
        return result.runs.map((r) => rowOf(r, { multiplier: unit.multiplier, lr }));
      },
    },
  },
  async combine(spec, parts): Promise<DocumentBody<LrRangeTestDocument>> {
    const range = parts.find(isRangePart);
    if (!range) throw new Error('lr-range-test: the range unit is missing');
    const curves = range.result;
    const lrs = rangeLearningRates(spec.range);
    const medianCurve = lrs.map((_, i) => {
      const values = curves.map((c) => c.smoothed[i]).filter((v): v is number => v !== null && v !== undefined);
      return values.length ? quantile(values, 0.5) : null;
    });
    const suggestions = {
      steepest: suggestionStats(curves.map((c) => c.suggestions.steepest)),
      minOver10: suggestionStats(curves.map((c) => c.suggestions.minOver10)),
      valley: suggestionStats(curves.map((c) => c.suggestions.valley)),
    };
    const verifyParts = parts.filter(isVerifyPart);
    const arms = spec.verify.multipliers.map((multiplier) => {
      const mine = verifyParts.filter((p) => p.unit.multiplier === multiplier).map((p) => p.result);
      const runs = mine.flatMap((p) => p.runs).sort((a, b) => a.seed - b.seed);
      return { multiplier, lr: mine[0]?.lr ?? 0, summary: summarizeRuns(runs), runs };
    });
    const verification = { suggestion: spec.verify.suggestion, baseLr: suggestions[spec.verify.suggestion].median, arms };
    return {
      verdict: decide(spec, { suggestions, verification }),
      lrs,
      curves: curves.map(({ suggestions: _s, ...c }) => c),
      medianCurve,
      suggestions,
      verification,
    };
  },

  migrations: {
    /** Version 1 to 2: the numbers kept, the verdict decided as combine decides it (the English answers and the title dropped). */
    1(stored): DocumentBody<LrRangeTestDocument> {
      const { title: _t, verdict: _v, documentVersion: _d, verification: v1, curves, ...body } = LrRangeTestDocumentV1.parse(stored);
      const verification = { suggestion: v1.suggestion, baseLr: v1.baseLr, arms: v1.arms };
      return {
        ...body,
        // Version 1 did not record the window its rules read.
        curves: curves.map((c) => ({ ...c, window: null })),
        verification,

        verdict: decide(body.spec, { suggestions: body.suggestions, verification }),
      };
    },
    /** Version 2 to 3: this kind's body did not change. */
    2: bodyUnchanged,
  },
});
