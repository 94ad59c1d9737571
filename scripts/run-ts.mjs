// Runs a TypeScript entry (the CLI, benchmarks) on Node: bundles it with esbuild into .cache/ and
// imports the result. Bundling (rather than a loader like tsx) lets the ESM build of tfjs-core
// and its gradient registrations load as one copy, exactly as wrangler bundles them for workerd.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outdir = resolve('.cache/run-ts');
mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints: [entry],
  outfile: resolve(outdir, 'bundle.mjs'),
  write: false,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  // CommonJS parts of dependencies (the emscripten wasm factory) use require() and __dirname.
  banner: {
    js: [
      "import { createRequire as __seedlabRequire } from 'node:module';",
      "import { dirname as __seedlabDirname } from 'node:path';",
      "import { fileURLToPath as __seedlabFileURLToPath } from 'node:url';",
      'const require = __seedlabRequire(import.meta.url);',
      'const __filename = __seedlabFileURLToPath(import.meta.url);',
      'const __dirname = __seedlabDirname(__filename);',
    ].join(' '),
  },
  logLevel: 'warning',
});
// Content-addressed output, written atomically: parallel runs never import a half-written file.
const code = result.outputFiles[0].contents;
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const outfile = resolve(outdir, `${basename(entry).replace(/\.ts$/, '')}-${hash}.mjs`);
if (!existsSync(outfile)) {
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, code);
  renameSync(tmp, outfile);
  // Drop bundles of older versions of this entry.
  const stem = basename(entry).replace(/\.ts$/, '');
  for (const f of readdirSync(outdir)) {
    if (f.startsWith(`${stem}-`) && f.endsWith('.mjs') && resolve(outdir, f) !== outfile) rmSync(resolve(outdir, f), { force: true });
  }
}
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
