import { app } from './api/app.ts';
import type { SeedlabEnv, UnitMessage } from './env.ts';
import { consumeUnit } from './queue/consumeUnit.ts';
import { withSiteHeaders } from './site/securityHeaders.ts';
import { answerSiteRequest } from './site/sitePages.ts';
import { sweepActiveStudies } from './studies/scheduler.ts';

type RenderPages = (request: Request, env: SeedlabEnv, ctx: ExecutionContext) => Promise<Response>;

/**
 * The Worker: the HTTP API, the report pages (rendered by `renderPages`, Astro in production), the
 * queue consumer that trains, and the cron that repairs.
 */
export function createWorker(renderPages: RenderPages) {
  return {
    async fetch(request, env, ctx) {
      const { pathname } = new URL(request.url);
      if (pathname.startsWith('/api/') || pathname === '/api' || pathname === '/oembed') return app.fetch(request, env, ctx);
      return withSiteHeaders(await answerSiteRequest(request, env, (page) => renderPages(page, env, ctx)), pathname);
    },
    async queue(batch, env) {
      // Each message on its own: one that throws is retried without failing the others in its batch.
      for (const message of batch.messages) {
        try {
          await consumeUnit(message, env);
        } catch (e) {
          console.error(`unit message ${JSON.stringify(message.body)}: ${(e as Error).message}`);
          message.retry({ delaySeconds: 1 });
        }
      }
    },
    async scheduled(_controller, env, ctx) {
      ctx.waitUntil(sweepActiveStudies(env));
    },
  } satisfies ExportedHandler<SeedlabEnv, UnitMessage>;
}
