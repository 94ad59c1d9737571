// Runs a TypeScript entry (the CLI, benchmarks) on Node: bundles it with esbuild into .cache/ and
// imports the result. Bundling (rather than a loader like tsx) lets the ESM build of tfjs-core
// and its gradient registrations load as one copy, exactly as wrangler bundles them for workerd.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outdir = resolve('.cache/run-ts');
mkdirSync(outdir, { recursive: true });
const outfile = resolve(outdir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({
  entryPoints: [entry],
  outfile,
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
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
