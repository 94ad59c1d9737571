import { app } from './api/app.ts';
import type { SeedlabEnv, UnitMessage } from './env.ts';
import { consumeUnit } from './queue/consumeUnit.ts';
import { serveSite } from './site/serveSite.ts';
import { sweepActiveStudies } from './studies/scheduler.ts';

export { StudyCreation } from './studies/creation.ts';

/** The Worker: the HTTP API, the report site, the queue consumer that trains, and the cron that repairs. */
export default {
  fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    return pathname.startsWith('/api/') || pathname === '/api' || pathname === '/oembed'
      ? app.fetch(request, env, ctx)
      : serveSite(request, env);
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
