import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { SeedlabEnv } from '../env.ts';
import { apiError } from './errors.ts';

/** Writes need `Authorization: Bearer <SEEDLAB_TOKEN>`, compared in constant time (hashes of both). */
export const requireToken: MiddlewareHandler<{ Bindings: SeedlabEnv }> = async (c, next) => {
  const expected = c.env.SEEDLAB_TOKEN;
  if (!expected) return apiError(c, 503, 'writes are disabled: the SEEDLAB_TOKEN secret is not set on this Worker');
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match || !(await timingSafeEqual(match[1], expected))) {
    c.header('WWW-Authenticate', 'Bearer realm="seedlab"');
    return apiError(c, 401, 'a valid bearer token is required for writes (Authorization: Bearer <token>)');
  }
  await next();
};
