import fc from 'fast-check';
import { TINY_SPEC } from '../crossRuntimeSpec.ts';

// Property-based fuzzing of every route inside workerd, with the real KV and Queue: whatever
// arrives, the answer is never a 5xx (except the two the API documents: 501 for an oEmbed format
// other than JSON, as the oEmbed spec asks) and every error has the documented shape; every page
// answer carries the page headers, renders only for GET and HEAD, and never redirects off the site;
// a made-up cursor is refused; of retries sent at once, at most one reopens a study. A fixed seed
// and 1,000 runs keep CI deterministic and quick (tests/workerd/fuzz.test.ts); bench/fuzzApi.ts runs the
// same properties longer against a real `wrangler dev`.
export const FUZZ_SEED = 20261126;

/** Values that are wrong in every way a client gets them wrong, and some right ones. */
const anyValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    '',
    'x'.repeat(300),
    '\u0000',
    '\uD800',
    // Bidirectional text: an override left open, a stray isolate close, balanced and right-to-left text.
    'label\u202E',
    '\u2069x',
    '\u2067שלום\u2069',
    'نموذج ٢',
    'digits',
    [],
    {},
  ),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A tiny valid spec with one field replaced (possibly deep): mostly 400s, some tiny studies. */
const mutatedSpec = fc
  .record({
    path: fc.constantFrom(
      ['dataset'],
      ['dataset', 'name'],
      ['split'],
      ['split', 'kind'],
      ['split', 'testFraction'],
      ['model', 'hidden'],
      ['model', 'activation'],
      ['training', 'optimizer', 'lr'],
      ['training', 'optimizer', 'kind'],
      ['training', 'batchSize'],
      ['training', 'epochs'],
      ['seeds'],
      ['title'],
      ['notes'],
      ['kind'],
      ['backend'],
      ['scaling'],
      ['extra'],
    ),
    value: anyValue,
  })
  .map(({ path, value }) => {
    const spec = structuredClone(TINY_SPEC) as Record<string, unknown>;
    let at = spec;
    for (const key of path.slice(0, -1)) {
      at[key] = typeof at[key] === 'object' && at[key] !== null ? at[key] : {};
      at = at[key] as Record<string, unknown>;
    }
    at[path[path.length - 1]] = value;
    return spec;
  });

const segment = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 20, maxLength: 20 }),
  fc.constant('..'),
  fc.constant('%00'),
);

const base64UrlText = (minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength, maxLength });

/**
 * Listing cursors nobody gave: the shape of a sealed one (payload and a 43-character MAC), the old
 * unkeyed checksum's shape (12 hex digits), and any text. None can carry a valid HMAC.
 */
const madeUpCursor = fc.oneof(
  fc.tuple(base64UrlText(1, 60), base64UrlText(43, 43)).map(([payload, mac]) => `${payload}.${mac}`),
  fc
    .tuple(base64UrlText(1, 60), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 12, maxLength: 12 }))
    .map(([payload, check]) => `${payload}.${check}`),
  fc.string({ maxLength: 60 }),
);

/** The API's requests; `studyIds` are studies a retry may meet (a partial one, in the workerd fuzz). */
const apiRequests = (studyIds: string[]) =>
  fc.oneof(
    // POST /api/studies: a mutated spec, random JSON, or bytes that are not JSON.
    fc.record({
      method: fc.constant('POST'),
      path: fc.constant('/api/studies'),
      body: fc.oneof(
        mutatedSpec.map((s) => JSON.stringify(s)),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 200 }),
        fc.constant('{"preset": "iris-small"}'),
      ),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/plain',
        '',
        'application/x-www-form-urlencoded',
      ),
      token: fc.constantFrom('test-token', 'wrong', null),
    }),
    // The read routes and their queries.
    fc.record({
      method: fc.constantFrom('GET', 'HEAD'),
      path: fc.oneof(
        fc.constantFrom('/api/health', '/api/presets', '/api/openapi.json', '/api', '/api/'),
        fc
          .tuple(fc.integer({ min: -3, max: 200 }), madeUpCursor)
          .map(([limit, cursor]) => `/api/studies?limit=${limit}&cursor=${encodeURIComponent(cursor)}`),
        segment.map((id) => `/api/studies/${encodeURIComponent(id)}`),
        fc
          .tuple(fc.string({ maxLength: 120 }), fc.constantFrom('json', 'xml', ''))
          .map(([url, format]) => `/oembed?url=${encodeURIComponent(url)}&format=${format}`),
        fc.array(segment, { maxLength: 4 }).map((parts) => `/api/${parts.map(encodeURIComponent).join('/')}`),
      ),
      body: fc.constant(undefined),
      contentType: fc.constant(''),
      token: fc.constantFrom('test-token', null),
    }),
    // Retry, and the wrong methods on every route.
    fc.record({
      method: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH'),
      path: fc.oneof(
        segment.map((id) => `/api/studies/${encodeURIComponent(id)}/retry`),
        fc.constantFrom('/api/health', '/api/presets', '/api/studies', '/api/studies/0123456789abcdef0123', '/api/openapi.json'),
      ),
      body: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
      contentType: fc.constantFrom('application/json', ''),
      token: fc.constantFrom('test-token', null),
    }),
    // Retries sent at once, as many clients (or an impatient one) would.
    fc.record({
      method: fc.constant('POST'),
      path: fc.constantFrom(...studyIds, '0123456789abcdef0123').map((id) => `/api/studies/${id}/retry`),
      body: fc.constant(undefined),
      contentType: fc.constant(''),
      token: fc.constantFrom('test-token', 'test-token', null),
      burst: fc.integer({ min: 2, max: 12 }),
    }),
  );

const hexId = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 20, maxLength: 20 });

/**
 * A path of the site in the spellings a probe tries: doubled and missing slashes, locales real and
 * not, every page folder and some that are none, ids of every shape (and very long), encoded
 * characters, an open-redirect bait, and queries.
 */
const sitePath = fc
  .record({
    doubled: fc.boolean(),
    locale: fc.constantFrom('', '/zh', '//zh', '/en'),
    folder: fc.constantFrom(
      'r',
      'embed',
      'og',
      'badge',
      'kinds',
      'guide',
      'glossary',
      '',
      'fonts',
      'evil.example',
      '%2F%2Fevil.example',
      '\\evil.example',
    ),
    name: fc.oneof(
      segment.map(encodeURIComponent),
      hexId,
      hexId.map((id) => `%${id.charCodeAt(0).toString(16)}${id.slice(1)}`),
      hexId.map((id) => `${id}.png`),
      hexId.map((id) => `${id}.svg`),
      fc.constantFrom('', 'all', 'compare', 'z'.repeat(5000), `${'f'.repeat(20)}.png`),
    ),
    end: fc.constantFrom('', '/', '//', '/x', '.png', '.svg', '/index.html'),
    query: fc.constantFrom('', '?theme=dark', '?theme=DARK', '?x=1&theme=auto'),
  })
  .map(({ doubled, locale, folder, name, end, query }) => `${doubled ? '/' : ''}${locale}/${folder}/${name}${end}${query}`);

/** An index page at a made-up cursor, in its canonical spelling (so the answer is the cursor's). */
const indexAtMadeUpCursor = fc
  .tuple(fc.constantFrom('', '/zh'), fc.constantFrom('all', 'compare', 'seed-variance', 'nope'), madeUpCursor)
  .map(([locale, kind, cursor]) => `${locale}/kinds/${kind}/${encodeURIComponent(cursor)}/`);

export const requestsFor = (studyIds: string[] = []) =>
  fc.oneof(
    { arbitrary: apiRequests(studyIds), weight: 3 },
    // The site's pages, with every method.
    {
      weight: 1,
      arbitrary: fc.record({
        method: fc.constantFrom('GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH'),
        path: fc.oneof({ arbitrary: sitePath, weight: 4 }, { arbitrary: indexAtMadeUpCursor, weight: 1 }),
        body: fc.constant(undefined),
        contentType: fc.constant(''),
        token: fc.constant(null),
      }),
    },
  );

export const request = requestsFor();

export type FuzzRequest = ReturnType<typeof requestsFor> extends fc.Arbitrary<infer R> ? R : never;
type Send = (path: string, init: RequestInit & { token?: string | null }) => Promise<Response>;

/**
 * Sends one generated request and checks the answer: no 5xx but the documented 501, JSON from the
 * API, and the error shape. Returns the status and what is wrong (nothing, when all is well).
 */
export async function checkAnswer(send: Send, r: FuzzRequest): Promise<{ status: number; problems: string[] }> {
  const headers: Record<string, string> = {};
  if (r.contentType) headers['content-type'] = r.contentType;
  const sendOne = () => send(r.path, { method: r.method, body: r.body, headers, token: r.token, redirect: 'manual' });
  if ('burst' in r) return checkBurst(r.burst, sendOne, r);
  const res = await sendOne();
  const problems: string[] = [];
  const where = `${r.method} ${r.path.slice(0, 100)} -> ${res.status}`;
  if (res.status >= 500 && !(res.status === 501 && r.path.startsWith('/oembed'))) problems.push(`${where}: a 5xx`);
  // A path like /api/.. resolves to the site's root, which answers in HTML: only the API speaks JSON.
  const resolved = new URL(`http://fuzz.test${r.path.startsWith('/') ? '' : '/'}${r.path}`).pathname;
  if (!/^\/(api(\/|$)|oembed)/.test(resolved)) {
    problems.push(...sitePageProblems(r, res).map((p) => `${where}: ${p}`));
    await res.body?.cancel();
    return { status: res.status, problems };
  }
  // The fuzz holds no cursor the API gave, so every listing that names one is refused.
  if (/^\/api\/studies\?.*\bcursor=/.test(r.path) && ['GET', 'HEAD'].includes(r.method) && res.status !== 400)
    problems.push(`${where}: a made-up cursor was accepted`);
  if (r.method === 'HEAD') {
    await res.body?.cancel();
    return { status: res.status, problems };
  }
  if (!/application\/json/.test(res.headers.get('content-type') ?? '')) problems.push(`${where}: not JSON`);
  let body: { error?: unknown; issues?: unknown } = {};
  try {
    body = await res.json();
  } catch {
    problems.push(`${where}: the body does not parse`);
  }
  if (res.status >= 400) {
    if (typeof body.error !== 'string' || !body.error || body.error.length >= 2000) problems.push(`${where}: no error sentence`);
    const issues = body.issues;
    if (issues !== undefined) {
      const wellFormed = Array.isArray(issues) && issues.every((i) => typeof i?.path === 'string' && typeof i?.message === 'string');
      if (!wellFormed) problems.push(`${where}: malformed issues`);
    }
  }
  return { status: res.status, problems };
}

/**
 * Concurrent retries of one study: at most one reopens it (202); the others are refused with the
 * study's status (409), or all get the same 401 or 404. Returns the first answer's status.
 */
async function checkBurst(burst: number, sendOne: () => Promise<Response>, r: FuzzRequest) {
  const answers = await Promise.all(Array.from({ length: burst }, sendOne));
  const statuses = answers.map((a) => a.status);
  const where = `${burst} x ${r.method} ${r.path} -> ${statuses.join(' ')}`;
  const problems: string[] = [];
  if (statuses.filter((s) => s === 202).length > 1) problems.push(`${where}: more than one retry reopened the study`);
  if (!statuses.every((s) => [202, 409].includes(s)) && !statuses.every((s) => s === statuses[0] && [401, 404].includes(s)))
    problems.push(`${where}: not one 202 and 409s, nor one refusal for all`);
  for (const a of answers) {
    const body = (await a.json().catch(() => ({}))) as { error?: unknown; status?: unknown };
    if (a.status === 409 && (typeof body.status !== 'string' || typeof body.error !== 'string'))
      problems.push(`${where}: a 409 without status and error`);
  }
  return { status: statuses[0], problems };
}

/** What every answer of the site's pages must hold, whatever was asked. */
function sitePageProblems(r: FuzzRequest, res: Response): string[] {
  const problems: string[] = [];
  if (!['hit', 'miss'].includes(res.headers.get('x-seedlab-cache') ?? '')) problems.push('no x-seedlab-cache');
  if (!res.headers.get('x-seedlab-build')) problems.push('no x-seedlab-build');
  if (res.headers.has('x-seedlab-final')) problems.push('the internal x-seedlab-final header leaked');
  if (!['GET', 'HEAD'].includes(r.method)) {
    if (res.status !== (r.method === 'OPTIONS' ? 204 : 405))
      problems.push(`${r.method} answered ${res.status}, not ${r.method === 'OPTIONS' ? 204 : 405}`);
    if (res.headers.get('allow') !== 'GET, HEAD, OPTIONS') problems.push('no Allow header');
  }
  if (['GET', 'HEAD'].includes(r.method) && /^(\/zh)?\/kinds\/[^/]+\/[^/]+\/$/.test(r.path) && res.status !== 404)
    problems.push(`an index page at a made-up cursor answered ${res.status}, not 404`);
  const location = res.headers.get('location');
  // A redirect stays on the site: a path, one slash first (never "//host" or "/\host").
  if (location !== null && (res.status !== 301 || !/^\/(?![/\\])/.test(location))) problems.push(`redirects to ${location.slice(0, 80)}`);
  return problems;
}
