import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS } from '../../functions/queue/consumeUnit.ts';
import { parseStudySpec } from '../../src/index.ts';
import { checkAnswer, FUZZ_SEED, requestsFor } from './fuzzRequests.ts';
import { call, env, storeWithLostMessages, waitForStudy } from './helpers.ts';

/** A partial study (one unit failed for good), for the fuzz's retries to race on. */
async function partialStudy(): Promise<string> {
  const id = await storeWithLostMessages(
    parseStudySpec({
      title: 'fuzz: partial, to retry',
      dataset: { name: 'iris' },
      split: { kind: 'stratified' },
      model: { hidden: [4] },
      training: { optimizer: { kind: 'adam', lr: 0.05 }, epochs: 2 },
      seeds: 3,
      backend: 'cpu',
    }),
  );
  await env.STUDIES.put(`failed:${id}:1`, JSON.stringify({ error: 'out of memory (simulated)', attempts: MAX_ATTEMPTS }));
  expect((await waitForStudy(id)).status).toBe('partial');
  return id;
}

describe('fuzzing every route, the API’s and the pages’ (fast-check, fixed seed)', () => {
  it('never a 5xx, always the documented error shape, over 1,000 generated requests', async () => {
    const partial = await partialStudy();
    let reopenings = 0;
    const send: typeof call = async (path, init) => {
      const res = await call(path, init);
      if (path === `/api/studies/${partial}/retry` && res.status === 202) reopenings++;
      return res;
    };
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(requestsFor([partial]), async (r) => {
        const { status, problems } = await checkAnswer(send, r);
        statuses.add(status);
        expect(problems).toEqual([]);
      }),
      { seed: FUZZ_SEED, numRuns: 1000 },
    );
    // The generators reach every kind of answer, accepted studies included.
    for (const status of [200, 202, 204, 301, 400, 401, 404, 405, 409, 415]) expect(statuses, `status ${status}`).toContain(status);
    // However many retries raced, the partial study was reopened once (then it trained to the end).
    expect(reopenings).toBe(1);
  });
});
