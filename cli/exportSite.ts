/**
 * `npm run export -- <dir> [--site-url https://example.org] [--state .state]`: writes the site as
 * plain files any static host serves: the index (every kind, every page), and for every study it
 * lists, its report and embed card in both languages, both previews, its badge, its document
 * (/api/studies/<id>, which the report's JSON link and its in-browser check read) and every run
 * (the Worker's /api/studies/<id>/runs.csv, written as api/studies/<id>.runs.csv beside the document,
 * since a path cannot be both a file and a folder; the pages' links to the runs are rewritten to it,
 * and the check reads it for a seed a large document does not list), and the uploaded tables its
 * studies train on (their pages, /api/datasets/<id> and <id>.csv, which the check reads). The pages are the
 * Worker's own: the built Worker runs locally on the stored state (`npm start`'s by default) and the
 * export saves what it answers, following the links of the pages from / and /zh/. The built
 * scripts (site/dist/client/_astro: the verify panel and the engine it loads on click) are copied.
 *
 * What a static host cannot do is left out: the rest of the API, oEmbed (a query), and live progress.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { STUDY_ID_PATTERN } from '../src/index.ts';
import { freePort, startWranglerDev } from './wranglerDev.ts';

const USAGE = 'usage: npm run export -- <dir> [--site-url https://your.site] [--state .state]';

/** Site paths worth a file: pages (ending in /), the study images and documents; the rest of /api and /oembed are not static. */
const EXPORTED = new RegExp(
  `^/(?:zh/)?(?:$|guide/$|glossary/$|kinds/|r/|embed/[^/]+/$|og/|badge/|d/)|^/(?:copy|card-height|embed)\\.js$|^/api/studies/${STUDY_ID_PATTERN}(?:/runs\\.csv)?$|^/api/datasets/${STUDY_ID_PATTERN}(?:\\.csv)?$`,
);

/**
 * The file a site path is written to: /r/<id>/ -> r/<id>/index.html, /og/<id>.png -> og/<id>.png,
 * /api/studies/<id>/runs.csv -> api/studies/<id>.runs.csv (beside the document, api/studies/<id>).
 */
const fileOfPath = (path: string) => (path.endsWith('/') ? `${path}index.html` : staticRunsPath(path)).slice(1);
const staticRunsPath = (path: string) => path.replace(new RegExp(`^(/api/studies/${STUDY_ID_PATTERN})/runs\\.csv$`), '$1.runs.csv');
/**
 * A page's links to a study's runs (the CSV, and the paged JSON a static host cannot answer) point at
 * the exported file, and so does an imported study's recipe (`curl -o runs.csv …/runs.csv`); "Run this again with changes" (the form needs the API) points at the report's
 * own recipe, which submits the spec to any Seedlab.
 */
const withStaticRunLinks = (html: string) =>
  html
    // A chart's own card and images are the Worker's (drawn on request): the export keeps its permalink only.
    .replace(/<span class="chart-files"[^>]*>[\s\S]*?<\/span>/g, '')
    .replace(new RegExp(`href="(/api/studies/${STUDY_ID_PATTERN})/runs(?:\\.csv)?"`, 'g'), 'href="$1.runs.csv"')
    .replace(new RegExp(`(curl -o runs\\.csv \\S*/api/studies/${STUDY_ID_PATTERN})/runs\\.csv`, 'g'), '$1.runs.csv')
    .replace(new RegExp(`href="(?:/zh)?/new/\\?from=${STUDY_ID_PATTERN}"`, 'g'), 'href="#reproduce"');

/** Same-site links of a page: href, src, and the preview in its meta tags (absolute, at the public origin). */
function linksOf(html: string, origins: string[]): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/\b(?:href|src|content)="([^"]+)"/g)) {
    let url = m[1].replace(/&amp;/g, '&');
    for (const origin of origins) if (url.startsWith(`${origin}/`)) url = url.slice(origin.length);
    if (url.startsWith('/') && !url.startsWith('//')) found.add(url.split(/[?#]/)[0]);
  }
  return [...found];
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'site-url': { type: 'string' }, state: { type: 'string', default: '.state' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const out = resolve(positionals[0]);
  const state = resolve(values.state);
  if (!existsSync(state)) throw new Error(`no stored studies at ${state} (run npm start first, or pass --state)`);
  const siteUrl = values['site-url'] ? new URL(values['site-url']).origin : undefined;
  if (!siteUrl) console.warn('no --site-url: absolute links (previews, embed code) will name the local address');

  const server = await startWranglerDev({ port: await freePort(), persistTo: state, vars: siteUrl ? { SITE_URL: siteUrl } : {} });
  try {
    const origins = [server.url, ...(siteUrl ? [siteUrl] : [])];
    // The embed code's script is named only inside the code readers copy, never linked.
    const queue = ['/', '/zh/', '/embed.js'];
    const seen = new Set(queue);
    let files = 0;
    while (queue.length) {
      const path = queue.shift() as string;
      const res = await fetch(`${server.url}${path}`);
      if (res.status !== 200) {
        console.warn(`skipped ${path} (${res.status})`);
        await res.body?.cancel();
        continue;
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      const isHtml = (res.headers.get('content-type') ?? '').startsWith('text/html');
      // A study still running has no page to keep: a static copy would show stale progress for ever.
      if (isHtml && /<meta http-equiv="refresh"/.test(new TextDecoder().decode(bytes))) {
        console.warn(`skipped ${path} (a study in progress)`);
        continue;
      }
      const file = join(out, fileOfPath(path));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, isHtml ? withStaticRunLinks(new TextDecoder().decode(bytes)) : bytes);
      files++;
      if (!isHtml) continue;
      // A report's embed card is linked only from its embed code: every study path brings its siblings.
      const study = new RegExp(`^/(?:zh/)?r/(${STUDY_ID_PATTERN})/$`).exec(path)?.[1];
      const siblings = study
        ? [
            ...['', '/zh'].flatMap((l) => [`${l}/r/${study}/`, `${l}/embed/${study}/`, `${l}/og/${study}.png`]),
            `/api/studies/${study}`,
            // A kind without per-run results answers 404 here, and is skipped.
            `/api/studies/${study}/runs.csv`,
          ]
        : [];
      for (const link of [...linksOf(new TextDecoder().decode(bytes), origins), ...siblings]) {
        if (!seen.has(link) && EXPORTED.test(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    copyFileSync(resolve('site/dist/client/404.html'), join(out, '404.html'));
    cpSync(resolve('site/dist/client/_astro'), join(out, '_astro'), { recursive: true });
    console.log(`exported ${files + 1} files to ${out}${siteUrl ? ` for ${siteUrl}` : ''}`);
  } finally {
    await server.stop();
  }
}

await main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
