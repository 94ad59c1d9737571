import { app } from './api/app.ts';
import type { SeedlabEnv, UnitMessage } from './env.ts';
import { consumeUnit } from './queue/consumeUnit.ts';
import { serveSite } from './site/serveSite.ts';
import { sweepActiveStudies } from './studies/scheduler.ts';

/** The Worker: the HTTP API, the report site, the queue consumer that trains, and the cron that repairs. */
export default {
  fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    return pathname.startsWith('/api/') || pathname === '/api' || pathname === '/oembed'
      ? app.fetch(request, env, ctx)
      : serveSite(request, env);
  },
  async queue(batch, env) {
    for (const message of batch.messages) await consumeUnit(message, env);
  },
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(sweepActiveStudies(env));
  },
} satisfies ExportedHandler<SeedlabEnv, UnitMessage>;
