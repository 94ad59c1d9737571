import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldIssue {
  path: string;
  message: string;
}

/** Every error the API returns has this shape (contract.ts, ErrorBody): a sentence, plus field issues where fields are at fault. */
export function apiError<S extends ContentfulStatusCode>(c: Context, status: S, error: string, extra: Record<string, unknown> = {}) {
  return c.json({ error, ...extra } as { error: string; issues?: FieldIssue[] } & Record<string, unknown>, status);
}

export const invalid = (c: Context, issues: FieldIssue[], error = 'invalid study spec') => apiError(c, 400, error, { issues });

/** What an error may quote of the request: a long path, id or URL is cut, so bodies stay small. */
export const shortened = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max)}…` : s);
