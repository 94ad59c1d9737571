import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { OFFLINE_WRANGLER_ENV } from './wranglerDev.ts';

export interface SiteBuild {
  seconds: number;
  studies: number;
  output: string;
}

/**
 * Builds the report site from the local KV state (`astro build`, reading KV through wrangler's
 * getPlatformProxy). `siteUrl` is the public origin baked into absolute links and Open Graph tags.
 */
export async function buildSite(options: { siteUrl: string; statePath: string; outDir?: string }): Promise<SiteBuild> {
  // Build beside the served folder, then swap: wrangler dev never serves a half-built site.
  const served = resolve(options.outDir ?? 'site/dist');
  const next = `${served}.next`;
  const old = `${served}.old`;
  rmSync(next, { recursive: true, force: true });
  const result = await runAstroBuild(options, next);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(served)) renameSync(served, old);
  renameSync(next, served);
  rmSync(old, { recursive: true, force: true });
  return result;
}

function runAstroBuild(options: { siteUrl: string; statePath: string }, outDir: string): Promise<SiteBuild> {
  const started = performance.now();
  // This same Node (22, checked by the npm script), not whatever `node` is first on PATH.
  const child = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--root', 'site'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...OFFLINE_WRANGLER_ENV,
      ASTRO_TELEMETRY_DISABLED: '1',
      SEEDLAB_SITE_URL: options.siteUrl,
      SEEDLAB_STATE: resolve(options.statePath),
      SEEDLAB_SITE_OUT: outDir,
    },
  });
  let output = '';
  child.stdout.on('data', (c) => (output += c));
  child.stderr.on('data', (c) => (output += c));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => {
      if (code !== 0) return fail(new Error(`astro build failed (exit ${code}):\n${output}`));
      const studies = Number(/\[seedlab\] (\d+) studies/.exec(output)?.[1] ?? 0);
      done({ seconds: (performance.now() - started) / 1000, studies, output });
    });
  });
}
