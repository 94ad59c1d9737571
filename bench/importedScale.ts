/**
 * What a study of imported runs costs at its limits (README "Your runs"): the largest request the
 * API takes (10 arms of 10,000 runs, within IMPORT_LIMITS.maxBytes) and at 10 arms of 10 runs, as
 * the Worker handles it: read and canonicalize the request, then combine the document (its
 * bootstraps are the work). Records the request's bytes, the CPU time of each step, the stored runs'
 * bytes and the document's, so the budget (a document under 150 KB, a combine well inside one
 * invocation's CPU limit) is measured, not assumed. Node runs the same V8 and engine code as workerd.
 *
 *   npm run bench:imported   -> bench/reference/imported-scale.json
 */
import { writeFileSync } from 'node:fs';
import { canonicalJson, combineStudy, IMPORT_LIMITS, parseStudySpec, readImportRequest, usingImportedRuns } from '../src/index.ts';

/** Accuracies like a real sweep's: around 0.94 with a spread of about 0.3 points, from a fixed stream. */
function requestOf(arms: number, runs: number) {
  let state = 2024;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return {
    kind: 'imported',
    title: `${arms} setups of ${runs} runs`,
    metric: { name: 'test accuracy', unit: 'fraction' },
    arms: Array.from({ length: arms }, (_, a) => ({
      label: `setup ${a + 1}`,
      runs: Array.from({ length: runs }, (_, seed) => ({
        seed,
        value: Number((0.94 + a * 0.0005 + (next() + next() + next() - 1.5) * 0.006).toFixed(4)),
      })),
    })),
  };
}

const cpuMs = () => process.cpuUsage().user / 1000;
const rows = [];
for (const [arms, runs] of [
  [10, 10],
  [2, 10_000],
  [10, 10_000],
]) {
  const body = JSON.stringify(requestOf(arms, runs));
  const t0 = cpuMs();
  const imported = await readImportRequest(JSON.parse(body));
  const t1 = cpuMs();
  const spec = parseStudySpec(imported.spec);
  const doc = await usingImportedRuns([imported], () => combineStudy(spec, []));
  const t2 = cpuMs();
  const row = {
    arms,
    runsPerArm: runs,
    requestBytes: body.length,
    withinLimit: body.length <= IMPORT_LIMITS.maxBytes,
    readMs: Math.round(t1 - t0),
    combineMs: Math.round(t2 - t1),
    storedRunsBytes: canonicalJson(imported.runs).length,
    specBytes: JSON.stringify(spec).length,
    documentBytes: JSON.stringify(doc).length,
  };
  rows.push(row);
  console.log(
    `${arms} arms x ${runs} runs: request ${(row.requestBytes / 1e6).toFixed(2)} MB, read ${row.readMs} ms, combine ${row.combineMs} ms of CPU, stored runs ${(row.storedRunsBytes / 1e6).toFixed(2)} MB, spec ${row.specBytes} B, document ${(row.documentBytes / 1024).toFixed(1)} KB`,
  );
}
writeFileSync('bench/reference/imported-scale.json', `${JSON.stringify({ node: process.version, rows }, null, 1)}\n`);
