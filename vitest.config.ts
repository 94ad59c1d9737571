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
        // Tests that run inside workerd with the real bindings from wrangler.toml.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { SEEDLAB_TOKEN: 'test-token', SEEDS_PER_UNIT: '2' } },
          }),
        ],
        test: {
          name: 'workerd',
          include: ['tests/workerd/**/*.test.ts'],
          globalSetup: ['tests/workerd/globalSetup.ts'],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
