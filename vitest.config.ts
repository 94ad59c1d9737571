import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/workerd/**'],
          testTimeout: 120_000,
        },
      },
      {
        // Tests that run inside workerd with the real bindings, against the built Worker (`npm run build`
        // writes it, with its config, to site/dist/server): the entry that production runs.
        plugins: [
          cloudflareTest({
            main: './site/dist/server/entry.mjs',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { SEEDLAB_TOKEN: 'test-token', SEEDS_PER_UNIT: '2' } },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['tests/workerd/**/*.test.ts'],
          exclude: ['tests/workerd/**/*.siteUrl.test.ts', 'tests/workerd/**/*.scale.test.ts'],
          globalSetup: ['tests/workerd/globalSetup.ts'],
          testTimeout: 120_000,
        },
      },
      {
        // The same Worker deployed with SITE_URL set (a custom domain): whatever Host a request names.
        plugins: [
          cloudflareTest({
            main: './site/dist/server/entry.mjs',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { SEEDLAB_TOKEN: 'test-token', SEEDS_PER_UNIT: '2', SITE_URL: 'https://seedlab.example' } },
          }),
        ],
        test: { name: 'workerd-site-url', include: ['tests/workerd/**/*.siteUrl.test.ts'], testTimeout: 120_000 },
      },
      {
        // A 10,000-seed study through every invocation: in a runtime of its own, since the storage it
        // leaves (a quarter of a thousand unit results) breaks the next file's start in a shared one.
        plugins: [
          cloudflareTest({
            main: './site/dist/server/entry.mjs',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { SEEDLAB_TOKEN: 'test-token', SEEDS_PER_UNIT: '2' } },
          }),
        ],
        test: { name: 'workerd-scale', include: ['tests/workerd/**/*.scale.test.ts'], testTimeout: 600_000 },
      },
    ],
  },
});
