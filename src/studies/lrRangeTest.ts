import type { LrRangeTestDocument } from '../document/studyDocument.ts';
import { describeEnvironment } from '../fingerprint/environment.ts';
import type { LrRangeTestSpec } from '../spec/schema.ts';
import { studyId } from '../spec/studyId.ts';
import { quantile } from '../stats/summarize.ts';
import { DOCUMENT_VERSION } from '../version.ts';
import { divergenceIndex, minOver10Suggestion, smoothLosses, steepestSuggestion, valleySuggestion } from './lrSuggestions.ts';
import { runSeeds } from './runSeeds.ts';
import { chunk, pct, seedResult, summarizeRuns, type StudyKindModule, type UnitContext, type WorkUnit } from './studyKind.ts';

/** lr_i for the sweep: exponential lr_i = start * (end/start)^(i/(n-1)), or linear. */
export function rangeLearningRates(range: LrRangeTestSpec['range']): number[] {
  const n = range.iterations;
  return Array.from({ length: n }, (_, i) =>
    range.mode === 'exponential'
      ? range.startLr * (range.endLr / range.startLr) ** (i / (n - 1))
      : range.startLr + ((range.endLr - range.startLr) * i) / (n - 1),
  );
}

interface RangeCurve {
  seed: number;
  losses: (number | null)[];
  smoothed: (number | null)[];
  stoppedAt: number;
  suggestions: { steepest: number | null; minOver10: number | null; valley: number | null };
}

/** Smith's range test over seeds: the lr grows every batch, cycling through the shuffled training rows. */
export async function runRangeTest(spec: LrRangeTestSpec, seeds: number[], context: UnitContext = {}): Promise<RangeCurve[]> {
  const lrs = rangeLearningRates(spec.range);
  const losses = seeds.map(() => [] as number[]);
  await runSeeds(spec, seeds, {
    learningRateAt: (step) => lrs[step - 1],
    maxSteps: lrs.length,
    evaluate: 'end',
    onEpoch: context.onEpoch,
    onStepLoss: (_step, perSeed) => perSeed.forEach((loss, s) => losses[s].push(loss)),
  });
  return seeds.map((seed, s) => {
    const smoothedAll = smoothLosses(losses[s], spec.range.smoothing);
    const stop = divergenceIndex(smoothedAll, spec.range.divergeFactor);
    const keptLrs = lrs.slice(0, stop);
    const smoothed = smoothedAll.slice(0, stop);
    return {
      seed,
      losses: losses[s].slice(0, stop).map((x) => (Number.isFinite(x) ? x : null)),
      smoothed: smoothed.map((x) => (Number.isFinite(x) ? x : null)),
      stoppedAt: stop,
      suggestions: {
        steepest: steepestSuggestion(keptLrs, smoothed),
        minOver10: minOver10Suggestion(keptLrs, smoothed),
        valley: valleySuggestion(keptLrs, smoothed),
      },
    };
  });
}

function suggestionStats(values: (number | null)[]) {
  const ok = values.filter((v): v is number => v !== null && v > 0);
  if (!ok.length) return { median: null, q25: null, q75: null, iqrDecades: null, perSeed: values };
  const logs = ok.map(Math.log10);
  const [q25, median, q75] = [0.25, 0.5, 0.75].map((q) => 10 ** quantile(logs, q));
  return { median, q25, q75, iqrDecades: Math.log10(q75) - Math.log10(q25), perSeed: values };
}

/** The lr to verify: the median across seeds of the chosen suggestion (recomputed, so each unit stands alone). */
async function suggestedLr(spec: LrRangeTestSpec, context: UnitContext): Promise<number | null> {
  const curves = await runRangeTest(spec, spec.seeds, context);
  return suggestionStats(curves.map((c) => c.suggestions[spec.verify.suggestion])).median;
}

export const lrRangeTest: StudyKindModule<LrRangeTestSpec> = {
  plan(spec, seedsPerUnit) {
    const units: WorkUnit[] = [{ purpose: 'range', seeds: spec.seeds }];
    for (const multiplier of spec.verify.multipliers) {
      for (const seeds of chunk(spec.seeds, seedsPerUnit)) units.push({ purpose: 'verify', multiplier, seeds });
    }
    return units;
  },

  async runUnit(spec, unit, context) {
    if (unit.purpose === 'range') return runRangeTest(spec, unit.seeds, context);
    const base = await suggestedLr(spec, {});
    if (base === null) return { lr: null, runs: [] };
    const lr = base * (unit.multiplier as number);
    const training = { ...spec.training, optimizer: { ...spec.training.optimizer, lr } };
    const outcomes = await runSeeds({ ...spec, training }, unit.seeds, { onEpoch: context.onEpoch });
    return { lr, runs: outcomes.map((o) => seedResult(o.record)) };
  },

  async combine(spec, units, results) {
    const curves = results[units.findIndex((u) => u.purpose === 'range')] as RangeCurve[];
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
    const baseLr = suggestions[spec.verify.suggestion].median;
    const arms = spec.verify.multipliers.map((multiplier) => {
      const parts = units.flatMap((u, i) =>
        u.purpose === 'verify' && u.multiplier === multiplier
          ? [results[i] as { lr: number | null; runs: ReturnType<typeof seedResult>[] }]
          : [],
      );
      const runs = parts.flatMap((p) => p.runs).sort((a, b) => a.seed - b.seed);
      return { multiplier, lr: parts[0]?.lr ?? 0, summary: summarizeRuns(runs), runs };
    });
    const scored = arms.filter((a) => a.summary);
    const best = scored.length ? scored.reduce((a, b) => (b.summary!.mean > a.summary!.mean ? b : a)) : null;
    const atOne = arms.find((a) => a.multiplier === 1);
    // The suggestion "holds up" when training at it is best, or statistically tied with the best (CIs overlap).
    const holdsUp = best && atOne?.summary ? atOne === best || atOne.summary.ci95.t[1] >= best.summary!.ci95.t[0] : null;
    const s = suggestions[spec.verify.suggestion];
    const fmt = (x: number | null) => (x === null ? 'n/a' : x.toPrecision(3));
    const doc: LrRangeTestDocument = {
      documentVersion: DOCUMENT_VERSION,
      kind: 'lr-range-test',
      id: await studyId(spec),
      title: spec.title ?? `LR range test: ${spec.dataset.name}, ${spec.training.optimizer.kind}, ${spec.seeds.length} seeds`,
      spec,
      environment: describeEnvironment(),
      lrs,
      curves: curves.map(({ suggestions: _s, ...c }) => c),
      medianCurve,
      suggestions,
      verification: { suggestion: spec.verify.suggestion, baseLr, arms, bestMultiplier: best?.multiplier ?? null, holdsUp },
      verdict: [
        {
          question: 'Which learning rate does the range test suggest?',
          answer: `The ${spec.verify.suggestion} rule suggests ${fmt(s.median)} (median of ${spec.seeds.length} seeds; interquartile range ${fmt(s.q25)} to ${fmt(s.q75)}).`,
        },
        {
          question: 'Does the suggestion change from run to run?',
          answer: `Across seeds it moves by ${s.iqrDecades === null ? 'n/a' : s.iqrDecades.toFixed(2)} decades (interquartile range); steepest ${suggestions.steepest.iqrDecades?.toFixed(2) ?? 'n/a'}, minOver10 ${suggestions.minOver10.iqrDecades?.toFixed(2) ?? 'n/a'}, valley ${suggestions.valley.iqrDecades?.toFixed(2) ?? 'n/a'} decades.`,
        },
        {
          question: 'Does the suggestion hold up when we train with it?',
          answer:
            holdsUp === null
              ? 'No verdict: the runs diverged.'
              : `${holdsUp ? 'Yes' : 'No'}. Mean test accuracy: ${arms.map((a) => `x${a.multiplier} (lr ${fmt(a.lr)}): ${a.summary ? pct(a.summary.mean) : 'diverged'}`).join('; ')}.`,
        },
      ],
    };
    return doc;
  },
};
