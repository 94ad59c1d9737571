import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  combineStudy,
  METRIC_UNITS,
  type MetricSpec,
  parseStudySpec,
  readImportRequest,
  readRunsCsv,
  type StudyDocument,
  usingImportedRuns,
} from '../src/index.ts';
import { readDevToken } from './devToken.ts';
import { exitWith, finishStudy, UsageError } from './studyOutput.ts';

/**
 * `npm run import -- runs.csv --value <column> --seed <column> [--arm <column>]`: a study of runs
 * trained anywhere (a W&B runs-table export, a pandas to_csv), posted to a Seedlab API
 * (POST /api/imports, the same study the browser and curl make), or with --local measured on this
 * machine without posting anything.
 */
const USAGE = `usage: npm run import -- runs.csv --value <column> --seed <column> [--arm <column>]
                      [--metric <name>] [--unit fraction|percent|raw] [--lower-is-better] [--title <text>]
                      [--api URL] [--local] [--json out.json]
  Posts to the API (default http://127.0.0.1:8787, npm start's) with the write token in SEEDLAB_TOKEN
  (or npm start's .dev.vars). --local measures the runs here and posts nothing.`;
const DEFAULT_API = 'http://127.0.0.1:8787';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      value: { type: 'string' },
      seed: { type: 'string' },
      arm: { type: 'string' },
      metric: { type: 'string' },
      unit: { type: 'string' },
      'lower-is-better': { type: 'boolean' },
      title: { type: 'string' },
      api: { type: 'string' },
      local: { type: 'boolean' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || !values.value || !values.seed) throw new UsageError(USAGE);
  if (values.unit !== undefined && !(METRIC_UNITS as readonly string[]).includes(values.unit))
    throw new UsageError(`--unit must be fraction, percent or raw, not "${values.unit}"`);
  const options = {
    value: values.value,
    seed: values.seed,
    ...(values.arm === undefined ? {} : { arm: values.arm }),
    ...(values.metric === undefined ? {} : { metric: values.metric }),
    ...(values.unit === undefined ? {} : { unit: values.unit as MetricSpec['unit'] }),
    ...(values['lower-is-better'] ? { higherIsBetter: false } : {}),
    ...(values.title === undefined ? {} : { title: values.title }),
  };
  let text: string;
  try {
    text = readFileSync(positionals[0], 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${positionals[0]}: ${(e as Error).message}`);
  }

  const started = performance.now();
  let doc: StudyDocument;
  if (values.local) {
    const imported = await readImportRequest(readRunsCsv(text, options));
    doc = await usingImportedRuns([imported], () => combineStudy(parseStudySpec(imported.spec), []));
  } else {
    const api = (values.api ?? DEFAULT_API).replace(/\/+$/, '');
    const token = process.env.SEEDLAB_TOKEN ?? readDevToken();
    if (!token) throw new UsageError('no write token: set SEEDLAB_TOKEN (npm start keeps one in .dev.vars), or pass --local');
    const query = new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)]));
    let res: Response;
    try {
      res = await fetch(`${api}/api/imports?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: text,
      });
    } catch (e) {
      throw new UsageError(`cannot reach the API at ${api} (${(e as Error).cause ?? (e as Error).message}); is it running? (npm start)`);
    }
    const body = (await res.json().catch(() => null)) as { error?: string; document?: StudyDocument; links?: { report: string } } | null;
    if (!res.ok || !body?.document) throw new UsageError(`the API at ${api} answered ${res.status}${body?.error ? `: ${body.error}` : ''}`);
    doc = body.document;
    console.log(`${res.status === 201 ? 'created' : 'already there'}: ${body.links?.report}`);
  }
  return finishStudy(doc, (performance.now() - started) / 1000, values.json);
}

exitWith(main(process.argv.slice(2)));
