import { defineConfig } from 'astro/config';

// Absolute URLs (Open Graph, oEmbed discovery) need the public origin; npm start sets it to the
// local URL, a deploy sets SEEDLAB_SITE_URL to the production one.
export default defineConfig({
  site: process.env.SEEDLAB_SITE_URL ?? 'http://127.0.0.1:8787', // DEFAULT_SITE_URL in src/share/siteOrigin.ts
  outDir: process.env.SEEDLAB_SITE_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  i18n: { defaultLocale: 'en', locales: ['en', 'zh'], routing: { prefixDefaultLocale: false } },
  devToolbar: { enabled: false },
  vite: {
    // The pages use the engine through src/index.ts, which brings tfjs: bundle it (its ESM build
    // imports files without extensions, which Node's own loader cannot resolve), as wrangler does.
    resolve: { noExternal: [/^@tensorflow\//] },
  },
});
