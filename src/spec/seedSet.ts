import { z } from 'zod';
import { LIMITS } from './limits.ts';

/**
 * A study's seeds, normalized: a sorted list when there are at most `LIMITS.maxSeedList` of them
 * (every study written before ranges existed, so their ids do not change), else a range
 * `{ from, count }` (seeds from..from+count-1). 10,000 seeds as a list are about 50 KB of JSON, shown
 * twice under "Reproduce" and over the 64 KB body limit once quoted back; as a range they are 25 bytes.
 */
export const SeedRange = z.strictObject({ from: z.number().int().min(1), count: z.number().int().min(1) });
export type SeedRange = z.infer<typeof SeedRange>;
export type SeedSet = number[] | SeedRange;

const isRange = (seeds: SeedSet): seeds is SeedRange => !Array.isArray(seeds);

export const seedCount = (seeds: SeedSet): number => (isRange(seeds) ? seeds.count : seeds.length);
export const firstSeed = (seeds: SeedSet): number => (isRange(seeds) ? seeds.from : seeds[0]);
/** Every seed, in order (10,000 numbers at most: cheap in memory, never stored as a list). */
export const seedList = (seeds: SeedSet): number[] =>
  isRange(seeds) ? Array.from({ length: seeds.count }, (_, i) => seeds.from + i) : seeds;
export const hasSeed = (seeds: SeedSet, seed: number): boolean =>
  isRange(seeds) ? Number.isInteger(seed) && seed >= seeds.from && seed < seeds.from + seeds.count : seeds.includes(seed);

/** The one normal form of a set of distinct sorted seeds: a list up to maxSeedList, a range past it. */
function normalSeeds(sorted: number[] | SeedRange): SeedSet {
  if (!isRange(sorted)) return sorted;
  return sorted.count <= LIMITS.maxSeedList ? seedList(sorted) : sorted;
}

const seedValue = z.number().int().min(1).max(LIMITS.maxSeed);

/**
 * `seeds` as a spec takes it: a count n (seeds 1..n, up to `max`), a list (up to maxSeedList distinct
 * seeds) or a range `{ from, count }` (up to `max` seeds), normalized by `normalSeeds`, so the same
 * seeds written any way are the same study.
 */
export const seedSetOf = (defaultCount: number, max: number) =>
  z
    .union(
      [
        z.number().int().min(1).max(max),
        z.array(seedValue).min(1).max(LIMITS.maxSeedList),
        SeedRange.extend({ count: z.number().int().min(1).max(max) }),
      ],
      {
        error: `seeds must be a count from 1 to ${max}, a list of 1 to ${LIMITS.maxSeedList} integer seeds from 1 to ${LIMITS.maxSeed}, or a range { "from": first seed, "count": 1 to ${max} }`,
      },
    )
    .default(defaultCount)
    .refine((s) => !Array.isArray(s) || new Set(s).size === s.length, { message: 'seeds must be distinct' })
    .refine((s) => typeof s !== 'object' || Array.isArray(s) || s.from + s.count - 1 <= LIMITS.maxSeed, {
      message: `a seed range must end at or before ${LIMITS.maxSeed}`,
    })
    .transform(
      (s): SeedSet =>
        typeof s === 'number' ? normalSeeds({ from: 1, count: s }) : Array.isArray(s) ? [...s].sort((a, b) => a - b) : normalSeeds(s),
    );
