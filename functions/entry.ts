import astro from '@astrojs/cloudflare/entrypoints/server';
import { createWorker } from './worker.ts';

export { StudyCreation } from './studies/creation.ts';

/** The deployed Worker: wrangler.toml's `main`, bundled by `npm run build` (Astro's Cloudflare adapter). */
export default createWorker(astro.fetch);
