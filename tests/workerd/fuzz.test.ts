import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer, FUZZ_SEED, request } from './fuzzRequests.ts';
import { call } from './helpers.ts';

describe('fuzzing every route, the API’s and the pages’ (fast-check, fixed seed)', () => {
  it('never a 5xx, always the documented error shape, over 1,000 generated requests', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { status, problems } = await checkAnswer(call, r);
        statuses.add(status);
        expect(problems).toEqual([]);
      }),
      { seed: FUZZ_SEED, numRuns: 1000 },
    );
    // The generators reach every kind of answer, accepted studies included.
    for (const status of [200, 202, 204, 301, 400, 401, 404, 405, 415]) expect(statuses, `status ${status}`).toContain(status);
  });
});
