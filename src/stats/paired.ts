import { mean, sampleStd, tInterval } from './summarize.ts';

/** The mean of the per-seed differences a − b over the seeds both have, with a paired t interval. */
export interface PairedDifference {
  meanDiff: number;
  /** The two-sided t interval at `level`; null with fewer than two pairs (no spread to judge by). */
  interval: [number, number] | null;
  level: number;
  pairs: number;
  /** The standard deviation of the per-seed differences; null with fewer than two pairs. */
  sd: number | null;
}

/** Values by seed, for the runs that finished (not diverged). */
export type BySeed = Map<number, number>;

export function pairedDifference(a: BySeed, b: BySeed, level = 0.95): PairedDifference | null {
  const diffs = [...a].flatMap(([seed, x]) => {
    const y = b.get(seed);
    return y === undefined ? [] : [x - y];
  });
  if (!diffs.length) return null;
  const two = diffs.length >= 2;
  return {
    meanDiff: mean(diffs),
    interval: two ? tInterval(diffs, level) : null,
    level,
    pairs: diffs.length,
    sd: two ? sampleStd(diffs) : null,
  };
}

const Z_975 = 1.959963984540054; // the standard normal's 97.5% quantile: two-sided 5%
const Z_80 = 0.8416212335729143; // its 80% quantile: 80% power

/**
 * Seeds needed for a paired t test (two-sided 5%) to detect a mean difference of `effect` with 80%
 * power when the per-seed differences have standard deviation `sd`: Guenther's formula,
 * n = ((z.975 + z.8) sd / effect)^2 + z.975^2 / 2 (The American Statistician 35(4), 1981), which
 * adds the t test's correction to the normal approximation. At least 2.
 */
export function pairedSeedsNeeded(effect: number, sd: number): number {
  return Math.max(2, Math.ceil((((Z_975 + Z_80) * sd) / effect) ** 2 + Z_975 ** 2 / 2));
}

/** A paired difference as a document records it against the named group (zero pairs: no difference). */
export const comparisonRecord = (against: string, d: PairedDifference | null) => ({
  against,
  meanDiff: d?.meanDiff ?? 0,
  interval: d?.interval ?? null,
  pairs: d?.pairs ?? 0,
});

/** The sign a paired difference supports: +1 or −1 when its interval excludes zero, 0 when it does not. */
export function significantSign(d: PairedDifference | null): -1 | 0 | 1 {
  if (!d?.interval) return 0;
  if (d.interval[0] > 0) return 1;
  if (d.interval[1] < 0) return -1;
  return 0;
}

/** Bonferroni: each of k comparisons at this level keeps the chance of any false claim under 1 − family. */
export const bonferroniLevel = (comparisons: number, family = 0.95) => 1 - (1 - family) / Math.max(1, comparisons);

/**
 * The leader among groups measured on the same seeds: the highest mean, compared with every other
 * group by paired differences (Bonferroni-adjusted). It wins when every interval lies above zero;
 * otherwise the groups whose interval includes zero are tied with it.
 */
export function pairedLeader<K extends string>(groups: { key: K; values: BySeed }[], family = 0.95) {
  const scored = groups.filter((g) => g.values.size > 0).map((g) => ({ ...g, mean: mean([...g.values.values()]) }));
  if (!scored.length) return null;
  // The first group with the highest mean (ties keep the given order).
  const leader = scored.reduce((best, g) => (g.mean > best.mean ? g : best));
  const level = bonferroniLevel(scored.length - 1, family);
  const comparisons = scored
    .filter((g) => g !== leader)
    .map((g) => ({ against: g.key, difference: pairedDifference(leader.values, g.values, level) }));
  const tiedWith = comparisons.filter((c) => significantSign(c.difference) !== 1).map((c) => c.against);
  return { leader: leader.key, tiedWith, comparisons, level };
}
