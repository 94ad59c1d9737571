import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const COMMITTED = 'functions/worker-configuration.d.ts';
// Beside the committed file, so that relative imports in it come out the same; git-ignored.
const SCRATCH = 'functions/.worker-configuration.check.d.ts';

describe('the generated Worker types', () => {
  it('match what `npm run cf-typegen` generates from the committed config alone', () => {
    // The same command as the cf-typegen script, into a scratch file: `wrangler types --check`
    // only compares a hash in the header, so it misses a hand edit or a stale runtime part.
    const r = spawnSync(
      process.execPath,
      [resolve('node_modules/wrangler/bin/wrangler.js'), 'types', SCRATCH, '--env-file', '.dev.vars.example', '--strict-vars=false'],
      { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' } },
    );
    try {
      expect(r.status, r.stderr).toBe(0);
      // The header names the output file; everything else must be identical.
      const generated = readFileSync(SCRATCH, 'utf8').replace(SCRATCH, COMMITTED);
      expect(generated === readFileSync(COMMITTED, 'utf8'), 'functions/worker-configuration.d.ts is stale: run npm run cf-typegen').toBe(
        true,
      );
    } finally {
      rmSync(SCRATCH, { force: true });
    }
  });
});
