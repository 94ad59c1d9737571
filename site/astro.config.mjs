import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import cloudflare from '@astrojs/cloudflare';
import { defineConfig } from 'astro/config';

const repo = fileURLToPath(new URL('..', import.meta.url));
// The build runs the Worker in workerd to prerender the 404 page: offline, with no telemetry and no
// fetch of Cloudflare's request metadata (each would wait on the network).
process.env.WRANGLER_SEND_METRICS ??= 'false';
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';

/**
 * The build's version: a hash of every source a page is rendered from. The edge cache keys pages
 * by it (functions/site/pageCache.ts), so a deploy with new page code renders every page afresh,
 * and a rebuild of the same code keeps what is cached.
 */
function buildVersion() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(repo, path)).update('\0').update(readFileSync(path)).update('\0');
    }
  };
  for (const dir of ['src', 'site/src', 'site/public', 'functions']) walk(join(repo, dir));
  hash.update(readFileSync(join(repo, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/** The previews' fonts (regular and bold), copied from their npm package into the static assets. */
const PREVIEW_FONTS = {
  'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'OFL.txt': '@expo-google-fonts/noto-sans-sc/LICENSE_FONT',
};
/**
 * After the build: the preview fonts go into the static assets, and wrangler run from the repository
 * (plain `npx wrangler dev`, `wrangler deploy`) is pointed at the built Worker, as the adapter does
 * for its own root (site/): a deploy redirect next to wrangler.toml.
 */
const seedlabBuild = () => ({
  name: 'seedlab-build',
  hooks: {
    'astro:build:done': ({ dir }) => {
      const fonts = join(fileURLToPath(dir), 'fonts');
      mkdirSync(fonts, { recursive: true });
      for (const [name, source] of Object.entries(PREVIEW_FONTS)) copyFileSync(join(repo, 'node_modules', source), join(fonts, name));
      const redirect = join(repo, '.wrangler/deploy');
      mkdirSync(redirect, { recursive: true });
      writeFileSync(join(redirect, 'config.json'), JSON.stringify({ configPath: '../../site/dist/server/wrangler.json' }));
    },
  },
});

// Every page renders in the Worker from KV: functions/entry.ts (wrangler.toml's `main`) sends /api to
// Hono and everything else to Astro. Only the 404 page (no data) is prerendered.
export default defineConfig({
  output: 'server',
  adapter: cloudflare({ configPath: '../wrangler.toml', imageService: 'passthrough' }),
  integrations: [seedlabBuild()],
  // No sessions: the adapter would add a SESSION KV binding for them.
  session: false,
  trailingSlash: 'ignore',
  build: { inlineStylesheets: 'always' },
  i18n: { defaultLocale: 'en', locales: ['en', 'zh'], routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
  vite: {
    define: { __SEEDLAB_BUILD__: JSON.stringify(buildVersion()) },
    // tfjs's ESM build imports files without extensions: bundle it, as wrangler did.
    resolve: { noExternal: [/^@tensorflow\//] },
    // Astro leaves the server build unminified; minified, the Worker is smaller to ship and to start.
    environments: { ssr: { build: { rolldownOptions: { output: { minify: true } } } } },
  },
});
