import { z } from 'zod';
import { CsvSyntaxError, csvRecords } from '../../data/csvRecords.ts';
import { keptValues } from '../../data/keptValues.ts';
import { csvCell } from '../../document/runRows.ts';
import { sha256Hex } from '../../fingerprint/sha256Hex.ts';
import { SpecError, specIssues } from '../../spec/specError.ts';
import { canonicalJson } from '../../spec/studyId.ts';
import { type ImportedSpec, importedFields, type MetricUnit } from './spec.ts';

/**
 * Runs trained elsewhere, as a request brings them and as they are stored: content-addressed
 * (the id is the first 20 hex digits of the SHA-256 of the canonical JSON: the arms in order, each
 * arm's runs sorted by seed), so the same runs posted twice are one study.
 */
export const IMPORT_LIMITS = {
  /** The body of a request that brings runs (JSON or CSV). */
  maxBytes: 5_000_000,
  maxArms: 10,
  minRunsPerArm: 2,
  maxRunsPerArm: 10_000,
  /** Points in one run's curve (one per epoch). */
  maxCurvePoints: 1000,
  /** Curve points over every run of a study. */
  maxTotalCurvePoints: 1_000_000,
} as const;

const StoredRun = z.strictObject({
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** z.number() refuses NaN and infinities. */
  value: z.number(),
  /** The metric per epoch, when the uploader has it. */
  curve: z.array(z.number()).min(1).max(IMPORT_LIMITS.maxCurvePoints).optional(),
  /** The uploader's fingerprint of the run's weights, shown as theirs and never checked. */
  fingerprint: z
    .string()
    .regex(/^[0-9a-fA-F]{8,128}$/, { error: 'a fingerprint is 8 to 128 hex digits' })
    .transform((s) => s.toLowerCase())
    .optional(),
});
export type ImportedRun = z.output<typeof StoredRun>;

/** What is stored under the runs' id: every arm's runs, sorted by seed (labels live in the spec). */
export const ImportedRuns = z.object({ arms: z.array(z.object({ runs: z.array(StoredRun) })) });
export type ImportedRuns = z.output<typeof ImportedRuns>;

const RANGES: Record<MetricUnit, [number, number] | null> = { fraction: [0, 1], percent: [0, 100], raw: null };

/** A study of imported runs as a request brings it: every run inline. */
export const ImportRequest = z
  .strictObject({
    kind: z.literal('imported'),
    ...importedFields,
    arms: z
      .array(
        z.strictObject({
          label: z.string().trim().min(1).max(60),
          runs: z.array(StoredRun).min(IMPORT_LIMITS.minRunsPerArm).max(IMPORT_LIMITS.maxRunsPerArm),
        }),
      )
      .min(1)
      .max(IMPORT_LIMITS.maxArms),
  })
  .superRefine((request, ctx) => {
    const range = RANGES[request.metric.unit];
    const labels = new Set<string>();
    let curvePoints = 0;
    for (const [a, arm] of request.arms.entries()) {
      if (labels.has(arm.label))
        ctx.addIssue({ code: 'custom', path: ['arms', a, 'label'], message: `two arms are labelled "${arm.label}"` });
      labels.add(arm.label);
      const seeds = new Map<number, number>();
      for (const [r, run] of arm.runs.entries()) {
        const first = seeds.get(run.seed);
        if (first !== undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['arms', a, 'runs', r, 'seed'],
            message: `seed ${run.seed} is also run ${first} of this arm`,
          });
        seeds.set(run.seed, r);
        const outside = (v: number) => range !== null && (v < range[0] || v > range[1]);
        if (outside(run.value))
          ctx.addIssue({
            code: 'custom',
            path: ['arms', a, 'runs', r, 'value'],
            message: `${run.value} is outside [${range?.join(', ')}], the range of a ${request.metric.unit} (metric.unit "raw" takes any number)`,
          });
        const badPoint = run.curve?.findIndex(outside) ?? -1;
        if (badPoint >= 0)
          ctx.addIssue({
            code: 'custom',
            path: ['arms', a, 'runs', r, 'curve', badPoint],
            message: `${run.curve?.[badPoint]} is outside [${range?.join(', ')}], the range of a ${request.metric.unit}`,
          });
        curvePoints += run.curve?.length ?? 0;
      }
    }
    if (curvePoints > IMPORT_LIMITS.maxTotalCurvePoints)
      ctx.addIssue({
        code: 'custom',
        path: ['arms'],
        message: `the curves hold ${curvePoints} points, over the ${IMPORT_LIMITS.maxTotalCurvePoints} a study may hold (keep fewer epochs per curve)`,
      });
  });

/** Whether a study request brings its runs inline (an import) rather than naming stored ones. */
export const bringsRuns = (input: unknown): boolean =>
  !!input && typeof input === 'object' && !Array.isArray(input) && (input as { kind?: unknown }).kind === 'imported' && 'arms' in input;

/** The content address of imported runs. */
const importedRunsId = async (runs: ImportedRuns): Promise<string> =>
  (await sha256Hex(new TextEncoder().encode(canonicalJson(runs)))).slice(0, 20);

/**
 * An import request read: its runs in canonical order with their id, and the spec that names them
 * (for parseStudySpec, which checks its free text). Every refusal is a SpecError naming the field
 * (`arms.0.runs.3.value`).
 */
export async function readImportRequest(input: unknown): Promise<{ spec: z.input<typeof ImportedSpec>; runs: ImportedRuns; id: string }> {
  const parsed = ImportRequest.safeParse(input);
  if (!parsed.success) throw new SpecError(specIssues(parsed.error));
  const { arms, ...fields } = parsed.data;
  const runs: ImportedRuns = { arms: arms.map((arm) => ({ runs: [...arm.runs].sort((x, y) => x.seed - y.seed) })) };
  const id = await importedRunsId(runs);
  const spec: z.input<typeof ImportedSpec> = {
    ...fields,
    runs: { id, arms: arms.map((arm) => ({ label: arm.label, runs: arm.runs.length })) },
  };
  return { spec, runs, id };
}

/** Stored runs read back, checked against the spec that names them (its id, arm count and run counts). */
export async function readStoredRuns(text: string, spec: Pick<ImportedSpec, 'runs'>): Promise<ImportedRuns> {
  const parsed = ImportedRuns.parse(JSON.parse(text));
  const id = await importedRunsId(parsed);
  if (id !== spec.runs.id) throw new Error(`runs ${spec.runs.id}: the stored runs read as ${id}`);
  return parsed;
}

/**
 * The runs of a spec, checked to be the arms it names: a spec written by hand may name stored runs
 * with other counts. Hosts check when they hand runs over (before a study is created), so such a
 * spec is a 400, never a study that cannot be combined.
 */
export function checkRunsMatch(spec: Pick<ImportedSpec, 'runs'>, runs: ImportedRuns): void {
  const counts = runs.arms.map((a) => a.runs.length);
  const named = spec.runs.arms.map((a) => a.runs);
  if (counts.join() !== named.join())
    throw new SpecError([
      {
        path: 'runs.arms',
        message: `the stored runs ${spec.runs.id} have arms of ${counts.join(', ')} runs; the spec names ${named.join(', ')}`,
      },
    ]);
}

// Handed over by the host --------------------------------------------------------------------

/** Imported runs handed to the engine (the engine does no I/O; a host reads them first). */
const handed = keptValues<ImportedRuns>(4);

/** Runs `run` with these runs handed over and kept until it settles. */
export const usingImportedRuns = <T>(runs: { id: string; runs: ImportedRuns }[], run: () => Promise<T>): Promise<T> =>
  handed.using(
    runs.map((r) => ({ id: r.id, value: r.runs })),
    run,
  );

export const keptRuns = handed.kept;

/** The runs a spec names, as handed over; a SpecError on `runs.id` when they are not. */
export function providedRuns(spec: Pick<ImportedSpec, 'runs'>): ImportedRuns {
  const runs = keptRuns(spec.runs.id);
  if (!runs)
    throw new SpecError([
      {
        path: 'runs.id',
        message: `the runs ${spec.runs.id} are not stored here (post the study with its runs inline, or POST /api/imports)`,
      },
    ]);
  checkRunsMatch(spec, runs);
  return runs;
}

// CSV ----------------------------------------------------------------------------------------

/** Which columns of a runs table to read, and what the metric is (the query of POST /api/imports, the flags of npm run import). */
export interface RunsCsvOptions {
  value: string;
  seed: string;
  arm?: string;
  metric?: string;
  higherIsBetter?: boolean;
  unit?: MetricUnit;
  title?: string;
}

/** A runs table that cannot be read: the issue names the query field or the body, and the row (header = row 1) and column. */
export class RunsCsvError extends SpecError {
  constructor(
    path: string,
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super([{ path, message }]);
    this.name = 'RunsCsvError';
  }
}

/**
 * A runs table (one row per run: a W&B runs-table export, a pandas to_csv) as an import request:
 * the seed and value columns, and an arm column whose values name the arms (in order of first
 * appearance; without one, a single arm named after the value column). Strict: a value that is
 * not a finite number, a seed that is not a whole number, an empty cell, a ragged row is refused
 * with its row and column.
 */
export function readRunsCsv(text: string, options: RunsCsvOptions): Record<string, unknown> {
  let records: ReturnType<typeof csvRecords>;
  try {
    records = csvRecords(text.replace(/^\uFEFF/, '')).filter((r) => r.cells.some((c) => c.trim() !== ''));
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new RunsCsvError('body', `row ${e.line}: ${e.message}`, e.line);
    throw e;
  }
  const [header, ...rows] = records;
  if (!header) throw new RunsCsvError('body', 'the table is empty: send a header row and one row per run');
  const names = header.cells.map((c) => c.trim());
  const columnOf = (field: 'value' | 'seed' | 'arm', name: string) => {
    const at = names.indexOf(name);
    if (at < 0) throw new RunsCsvError(field, `no column "${name}" in the table; its columns: ${names.map((n) => `"${n}"`).join(', ')}`);
    return at;
  };
  const valueAt = columnOf('value', options.value);
  const seedAt = columnOf('seed', options.seed);
  const armAt = options.arm === undefined ? null : columnOf('arm', options.arm);
  const arms = new Map<string, { seed: number; value: number }[]>();
  for (const { cells, line } of rows) {
    if (cells.length !== names.length)
      throw new RunsCsvError('body', `row ${line} has ${cells.length} cells; the header has ${names.length}`, line);
    const cell = (at: number, what: string) => {
      const text = cells[at].trim();
      if (text === '')
        throw new RunsCsvError(
          'body',
          `row ${line}, column "${names[at]}": empty (drop the run's row, or fill in its ${what})`,
          line,
          names[at],
        );
      return text;
    };
    const valueText = cell(valueAt, 'value');
    const value = Number(valueText);
    if (!Number.isFinite(value))
      throw new RunsCsvError(
        'body',
        `row ${line}, column "${names[valueAt]}": "${valueText}" is not a finite number (the value column must hold numbers)`,
        line,
        names[valueAt],
      );
    const seedText = cell(seedAt, 'seed');
    const seed = Number(seedText);
    if (!Number.isSafeInteger(seed) || seed < 0)
      throw new RunsCsvError(
        'body',
        `row ${line}, column "${names[seedAt]}": "${seedText}" is not a whole number from 0`,
        line,
        names[seedAt],
      );
    const label = armAt === null ? options.value : cell(armAt, 'arm');
    const arm = arms.get(label) ?? [];
    arm.push({ seed, value });
    arms.set(label, arm);
  }
  if (!arms.size) throw new RunsCsvError('body', 'the table has a header but no runs');
  return {
    kind: 'imported',
    ...(options.title === undefined ? {} : { title: options.title }),
    metric: {
      name: options.metric ?? options.value,
      ...(options.higherIsBetter === undefined ? {} : { higherIsBetter: options.higherIsBetter }),
      ...(options.unit === undefined ? {} : { unit: options.unit }),
    },
    arms: [...arms].map(([label, runs]) => ({ label, runs })),
  };
}

// The runs table (GET /api/studies/<id>/runs, runs.csv) ------------------------------------------

/** The columns of an imported study's runs table: the seed, the arm's label, the value, the uploader's fingerprint. */
export const IMPORTED_RUN_COLUMNS = ['seed', 'label', 'value', 'fingerprint'] as const;

export type ImportedRunRow = { seed: number; label: string; value: number; fingerprint: string | null };

/** Every run of an imported study as rows, arm by arm in the spec's order, each arm's runs by seed. */
export function importedRunRows(spec: Pick<ImportedSpec, 'runs'>, runs: ImportedRuns): ImportedRunRow[] {
  return runs.arms.flatMap((arm, k) =>
    arm.runs.map((r) => ({ seed: r.seed, label: spec.runs.arms[k].label, value: r.value, fingerprint: r.fingerprint ?? null })),
  );
}

/** Rows as RFC 4180 CSV with a header (a label with a comma, quote or line break is quoted; numbers in shortest round-trip form). */
export function importedRunsCsv(rows: ImportedRunRow[]): string {
  let out = `${IMPORTED_RUN_COLUMNS.join(',')}\r\n`;
  for (const r of rows) out += `${IMPORTED_RUN_COLUMNS.map((c) => csvCell(r[c])).join(',')}\r\n`;
  return out;
}
