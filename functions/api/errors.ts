import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Every error the API returns has this shape: a sentence, plus field issues where fields are at fault. */
export function apiError(c: Context, status: ContentfulStatusCode, error: string, extra: Record<string, unknown> = {}) {
  return c.json({ error, ...extra }, status);
}

export const invalid = (c: Context, issues: FieldIssue[], error = 'invalid study spec') => apiError(c, 400, error, { issues });
