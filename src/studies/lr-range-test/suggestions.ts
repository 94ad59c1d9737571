/**
 * Learning-rate suggestions from a range test's curve (lrs ascending, smoothed losses). Pure
 * functions, tested on synthetic curves with known answers (tests/lrSuggestions.test.ts).
 */

/** Exponential moving average with bias correction (fastai / pytorch-lr-finder). */
export function smoothLosses(losses: number[], beta: number): number[] {
  let avg = 0;
  return losses.map((loss, i) => {
    avg = beta * avg + (1 - beta) * loss;
    return avg / (1 - beta ** (i + 1));
  });
}

/** Index at which the range test stops: the first smoothed loss above divergeFactor x the best so far (exclusive), or the length. */
export function divergenceIndex(smoothed: number[], divergeFactor: number): number {
  let best = Infinity;
  for (let i = 0; i < smoothed.length; i++) {
    if (!Number.isFinite(smoothed[i]) || (i > 0 && smoothed[i] > divergeFactor * best)) return i;
    best = Math.min(best, smoothed[i]);
  }
  return smoothed.length;
}

/** numpy.gradient: central differences inside, one-sided at the ends. */
function gradient(y: number[], x: number[]): number[] {
  const n = y.length;
  return y.map((_, i) => {
    if (n < 2) return 0;
    if (i === 0) return (y[1] - y[0]) / (x[1] - x[0]);
    if (i === n - 1) return (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]);
    return (y[i + 1] - y[i - 1]) / (x[i + 1] - x[i - 1]);
  });
}

/** The lr where the smoothed loss falls fastest against log10(lr), skipping the first 10 and last 5 points. */
export function steepestSuggestion(lrs: number[], smoothed: number[], skipStart = 10, skipEnd = 5): number | null {
  const end = lrs.length - skipEnd;
  if (end - skipStart < 2) return null;
  const xs = lrs.slice(skipStart, end).map(Math.log10);
  const g = gradient(smoothed.slice(skipStart, end), xs);
  let best = 0;
  for (let i = 1; i < g.length; i++) if (g[i] < g[best]) best = i;
  return lrs[skipStart + best];
}

/** The lr at the minimum smoothed loss, divided by 10. */
export function minOver10Suggestion(lrs: number[], smoothed: number[]): number | null {
  if (!lrs.length) return null;
  let best = 0;
  for (let i = 1; i < smoothed.length; i++) if (smoothed[i] < smoothed[best]) best = i;
  return lrs[best] / 10;
}

/**
 * fastai's "valley": find the longest descending stretch (the longest strictly decreasing
 * subsequence), then take the point at start + floor(len/3) + floor(len/6), about halfway down it.
 * This follows fastai's code exactly, including its start = end - length.
 */
export function valleySuggestion(lrs: number[], smoothed: number[]): number | null {
  const n = smoothed.length;
  if (!n) return null;
  const lds = new Array(n).fill(1);
  let maxStart = 0;
  let maxEnd = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (smoothed[i] < smoothed[j] && lds[i] < lds[j] + 1) lds[i] = lds[j] + 1;
    }
    if (lds[maxEnd] < lds[i]) {
      maxEnd = i;
      maxStart = maxEnd - lds[maxEnd];
    }
  }
  const sections = (maxEnd - maxStart) / 3;
  return lrs[Math.max(0, maxStart + Math.floor(sections) + Math.floor(sections / 2))];
}
