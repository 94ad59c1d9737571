import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import fQuantile from '@stdlib/stats-base-dists-f-quantile';
import { createStream, streamSeed } from '../random/seedStreams.ts';
import { quantile } from './summarize.ts';

/**
 * The confidence interval of a standard deviation from n normal values: sigma lies in
 * [s sqrt((n-1)/chi2(1-a/2, n-1)), s sqrt((n-1)/chi2(a/2, n-1))]. Null below two values.
 */
export function stdInterval(std: number, n: number, level = 0.95): [number, number] | null {
  if (n < 2) return null;
  const df = n - 1;
  const tail = (1 - level) / 2;
  return [std * Math.sqrt(df / chisquareQuantile(1 - tail, df)), std * Math.sqrt(df / chisquareQuantile(tail, df))];
}

/**
 * The F interval of a ratio of two variances from independent normal samples of sizes n1 and n2:
 * sigma1^2/sigma2^2 lies in [F / F(1-a/2; n1-1, n2-1), F / F(a/2; n1-1, n2-1)] with F = v1 / v2.
 * Null when either sample has fewer than two values or v2 is zero.
 */
export function varianceRatioInterval(v1: number, n1: number, v2: number, n2: number, level = 0.95): [number, number] | null {
  if (n1 < 2 || n2 < 2 || v2 <= 0) return null;
  const ratio = v1 / v2;
  const tail = (1 - level) / 2;
  return [ratio / fQuantile(1 - tail, n1 - 1, n2 - 1), ratio / fQuantile(tail, n1 - 1, n2 - 1)];
}

/** The standard error of an accuracy p measured on n independent test rows: sqrt(p (1 - p) / n). */
export const binomialStandardError = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

/** Sample variance (n - 1) without the square root; 0 for fewer than two values. */
function sampleVariance(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return 0;
  let m = 0;
  for (let i = 0; i < n; i++) m += xs[i];
  m /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - m) ** 2;
  return ss / (n - 1);
}

const SHARE_RESAMPLES = 2000;

/**
 * Percentile bootstrap intervals for variance shares. Each group is resampled on its own (the
 * groups are independent runs); each resample gives every group's variance divided by the sum of
 * the `summed` groups' variances. Fixed resampling seed: the same values give the same intervals.
 * A group whose interval cannot be formed (the sum is zero in every resample) gets null.
 */
export function varianceShareIntervals(
  groups: { values: number[]; summed: boolean }[],
  level = 0.95,
  resamples = SHARE_RESAMPLES,
): ([number, number] | null)[] {
  const rng = createStream(streamSeed(0, 'share-bootstrap'));
  const shares = groups.map(() => [] as number[]);
  const scratch = groups.map((g) => new Float64Array(g.values.length));
  for (let r = 0; r < resamples; r++) {
    const variances = groups.map((g, k) => {
      for (let i = 0; i < g.values.length; i++) scratch[k][i] = g.values[rng.nextInt(g.values.length)];
      return sampleVariance(scratch[k]);
    });
    const total = variances.reduce((sum, v, k) => sum + (groups[k].summed ? v : 0), 0);
    if (total > 0) for (let k = 0; k < groups.length; k++) shares[k].push(variances[k] / total);
  }
  const tail = (1 - level) / 2;
  return shares.map((s) => (s.length ? [quantile(s, tail), quantile(s, 1 - tail)] : null));
}
