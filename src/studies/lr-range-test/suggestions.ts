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

/**
 * How many batches the range test records, as fastai's LRFinder does: every batch up to and
 * including the first whose smoothed loss exceeds divergeFactor x the best so far, or all of them.
 * A NaN never compares greater, so it does not stop the test (the window below cuts it off).
 */
export function recordedLength(smoothed: number[], divergeFactor: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < smoothed.length; i++) {
    if (smoothed[i] < best) best = smoothed[i];
    if (smoothed[i] > divergeFactor * best) return i + 1;
  }
  return smoothed.length;
}

/**
 * fastai's window for its suggestion rules: recorded[num_it // 10 : -5], with num_it the number of
 * iterations requested, then cut at the first loss that is not finite. Returns [start, end).
 */
export function suggestionWindow(smoothed: number[], iterations: number, recorded: number): { start: number; end: number } {
  const start = Math.floor(iterations / 10);
  let end = Math.max(start, recorded - 5);
  for (let i = start; i < end; i++) {
    if (!Number.isFinite(smoothed[i])) {
      end = i;
      break;
    }
  }
  return { start, end };
}

/**
 * fastai's `steep`: the lr where the smoothed loss falls fastest against log(lr), by forward
 * differences, taking the left point of the steepest step (pytorch-lr-finder uses central
 * differences instead: numpy.gradient).
 */
export function steepestSuggestion(lrs: number[], smoothed: number[]): number | null {
  if (lrs.length < 2) return null;
  let best = 0;
  let bestSlope = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < lrs.length; i++) {
    const slope = (smoothed[i + 1] - smoothed[i]) / (Math.log(lrs[i + 1]) - Math.log(lrs[i]));
    if (slope < bestSlope) {
      bestSlope = slope;
      best = i;
    }
  }
  return lrs[best];
}

/** fastai's `minimum`: the lr at the lowest smoothed loss (the first, on ties), divided by 10. */
export function minOver10Suggestion(lrs: number[], smoothed: number[]): number | null {
  if (!lrs.length) return null;
  let best = 0;
  for (let i = 1; i < smoothed.length; i++) if (smoothed[i] < smoothed[best]) best = i;
  return lrs[best] / 10;
}

/**
 * fastai's "valley": find the longest descending stretch (the longest strictly decreasing
 * subsequence), then take the point at start + floor(len/3) + floor(len/6), about halfway down it.
 * This follows fastai's code, including its start = end - length, with one difference: when that
 * index is -1 (a descent of two points from the first), Python's lrs[-1] wraps to the last lr of
 * the window; Seedlab takes the first, the start of the descent.
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
