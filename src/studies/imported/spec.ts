import { z } from 'zod';
import { LIMITS } from '../../spec/limits.ts';

/**
 * Results trained anywhere (PyTorch, JAX, a W&B export): one metric per run, in arms. Seedlab
 * trains nothing; it reads the runs, measures them and reports them. The runs themselves live
 * outside the spec (10 arms of 10,000 runs with curves would pass the request, record and id
 * budgets): they are stored content-addressed (src/studies/imported/runs.ts), and the spec holds
 * their id and, per arm, its label and run count.
 */

/** What a fraction or a percent may hold; a raw metric (a loss, a BLEU score, seconds) any finite number. */
export const METRIC_UNITS = ['fraction', 'percent', 'raw'] as const;
export const MetricUnit = z.enum(METRIC_UNITS);
export type MetricUnit = z.infer<typeof MetricUnit>;

const label = z.string().trim().min(1).max(60);

export const MetricSpec = z.strictObject({
  name: z.string().trim().min(1).max(60),
  higherIsBetter: z.boolean().default(true),
  unit: MetricUnit.default('raw'),
});
export type MetricSpec = z.output<typeof MetricSpec>;

/** Where the runs came from, as the uploader says: shown in the report's method, never checked. */
const SourceSpec = z.strictObject({
  framework: z.string().trim().min(1).max(100).optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'source.url must be an http or https address' })
    .max(500)
    .optional(),
  notes: z.string().max(LIMITS.maxNotesLength).optional(),
});

/** The study fields an import request and its stored spec share. */
export const importedFields = {
  title: z.string().trim().min(1).max(LIMITS.maxTitleLength).optional(),
  metric: MetricSpec,
  source: SourceSpec.optional(),
  /**
   * The smallest difference worth detecting, in the metric's unit: the report says how many runs a
   * comparison needs to detect it, and how many runs pin one arm's mean to within it. Defaults to
   * half a point for a fraction or a percent (0.005, 0.5); a raw metric has none unless given.
   */
  effectSize: z.number().gt(0).max(1e12).optional(),
};

const RUNS_ID_PATTERN = '[0-9a-f]{20}';

export const ImportedSpec = z.strictObject({
  kind: z.literal('imported'),
  ...importedFields,
  runs: z.strictObject({
    /** The content address of the stored runs (POST /api/studies with the runs inline answers it). */
    id: z.string().regex(new RegExp(`^${RUNS_ID_PATTERN}$`), { error: 'runs.id is 20 hex digits (the id of stored runs)' }),
    arms: z
      .array(z.strictObject({ label, runs: z.number().int().min(2).max(10_000) }))
      .min(1)
      .max(10),
  }),
});
export type ImportedSpec = z.output<typeof ImportedSpec>;

/** The effect size a study uses: the spec's, or half a point of a fraction or a percent, or none for a raw metric. */
export function effectSizeOf(spec: Pick<ImportedSpec, 'effectSize' | 'metric'>): number | null {
  if (spec.effectSize !== undefined) return spec.effectSize;
  return spec.metric.unit === 'fraction' ? 0.005 : spec.metric.unit === 'percent' ? 0.5 : null;
}
