// Runs a TypeScript entry (the CLI, benchmarks) on Node: bundles it with esbuild into .cache/ and
// imports the result. Bundling (rather than a loader like tsx) lets the ESM build of tfjs-core and
// its gradient registrations load as one copy, exactly as wrangler bundles them for workerd. The
// next run imports the same bundle without loading esbuild while none of its inputs changed (the
// size and mtime of every file esbuild read).

// First: on a Node older than the devDependency's it stops with a clear message (the commands that
// run through this file need no separate check). Nothing below names an export an old Node lacks
// (module.enableCompileCache is read from the namespace), so the import itself cannot fail first.
import './check-node.mjs';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outdir = resolve('.cache/run-ts');
mkdirSync(outdir, { recursive: true });
// Named by the entry's path too: two entries with one file name (bench/scale.ts, /tmp/scale.ts)
// must not run each other's bundle.
const stem = `${basename(entry).replace(/\.ts$/, '')}-${createHash('sha256').update(resolve(entry)).digest('hex').slice(0, 8)}`;
const manifestFile = resolve(outdir, `${stem}.json`);

/** Every input of the last bundle unchanged (same size and mtime): its file can run as it is. */
function upToDate(manifest) {
  if (!manifest || !existsSync(manifest.outfile)) return false;
  return manifest.inputs.every(([path, size, mtimeMs]) => {
    try {
      const s = statSync(path);
      return s.size === size && s.mtimeMs === mtimeMs;
    } catch {
      return false;
    }
  });
}

let manifest = null;
try {
  manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
} catch {}
if (!upToDate(manifest)) manifest = await bundle();

/** Bundles the entry, writes it content-addressed and atomically (parallel runs never import a half-written file), and records its inputs. */
async function bundle() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    outfile: resolve(outdir, 'bundle.mjs'),
    write: false,
    bundle: true,
    metafile: true,
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
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const outfile = resolve(outdir, `${stem}-${hash}.mjs`);
  if (!existsSync(outfile)) {
    const tmp = `${outfile}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, outfile);
    // Drop bundles of older versions of this entry.
    for (const f of readdirSync(outdir)) {
      if (f.startsWith(`${stem}-`) && f.endsWith('.mjs') && resolve(outdir, f) !== outfile) rmSync(resolve(outdir, f), { force: true });
    }
  }
  const inputs = Object.keys(result.metafile.inputs).map((path) => {
    const s = statSync(path);
    return [path, s.size, s.mtimeMs];
  });
  const next = { outfile, inputs };
  const tmp = `${manifestFile}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(next));
  renameSync(tmp, manifestFile);
  return next;
}
// V8 keeps the compiled bundle in .cache/ too: the next run skips parsing and compiling it.
nodeModule.enableCompileCache?.(resolve('.cache/v8'));
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(manifest.outfile).href);
