"""Known answers for Seedlab's statistics of imported runs (src/stats/fewRuns.ts), from scipy and
from rliable's formulas, for tests/fewRuns.test.ts.

rliable (Agarwal et al., NeurIPS 2021) is not installed here (no internet beyond Debian packages),
so its one-task computations are written out from its source (google-research/rliable):
- aggregate_iqm: scipy.stats.trim_mean(scores, proportiontocut=0.25, axis=None)
- the median over runs: np.median (rliable's aggregate_median is the median over tasks of per-task
  means; with one task Seedlab reports the plain median of the runs)
- probability_of_improvement: scipy.stats.mannwhitneyu(x, y, alternative='greater').statistic / (m n)
- get_interval_estimates(method='percentile', reps=50000): arch's bootstrap resamples the runs with
  replacement; the interval is np.percentile of the statistic at 2.5 and 97.5 (linear).
The bootstrap here uses numpy's generator with seed 0 and rliable's 50,000 resamples; Seedlab's own
stream cannot match draw for draw, so the test holds its intervals to these within a tolerance.

Run: python3 bench/few_runs_reference.py > bench/reference/few-runs-reference.json
(scipy >= 1.11 for confidence_interval; measured with the scipy and numpy versions recorded in the JSON)
"""
import json

import numpy as np
import scipy
from scipy import stats

SAMPLES = {
    # Ten CIFAR-style accuracies (fractions), as a PyTorch user would post them.
    "ten": [0.9412, 0.9387, 0.9441, 0.9398, 0.9420, 0.9375, 0.9433, 0.9405, 0.9391, 0.9428],
    # Five runs with a tie and an outlier.
    "five": [0.71, 0.74, 0.74, 0.69, 0.52],
    # Seven raw losses (lower is better).
    "losses": [2.31, 2.28, 2.35, 2.40, 2.29, 2.33, 2.30],
    # Thirteen values: trim_mean cuts floor(13 / 4) = 3 from each end.
    "thirteen": [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9],
}
# Two arms over seeds 1..10 (paired), and an unpaired pair of arms of different sizes.
PAIRED = {"a": SAMPLES["ten"], "b": [0.9401, 0.9362, 0.9430, 0.9399, 0.9402, 0.9371, 0.9420, 0.9381, 0.9390, 0.9411]}
UNPAIRED = {"a": SAMPLES["five"], "b": [0.66, 0.70, 0.68, 0.71, 0.65, 0.69, 0.74]}
REPS = 50_000


def bootstrap(values, statistic, rng):
    x = np.asarray(values, dtype=float)
    idx = rng.integers(0, len(x), size=(REPS, len(x)))
    draws = np.array([statistic(x[i]) for i in idx])
    lo, hi = np.percentile(draws, [2.5, 97.5])
    return [float(lo), float(hi)]


def iqm(x):
    return float(stats.trim_mean(x, proportiontocut=0.25, axis=None))


def runs_for_precision(std, half):
    n = 2
    while stats.t.ppf(0.975, n - 1) * std / np.sqrt(n) > half:
        n += 1
    return n


out = {"scipy": scipy.__version__, "numpy": np.__version__, "reps": REPS, "samples": {}}
rng = np.random.default_rng(0)
for name, values in SAMPLES.items():
    x = np.asarray(values, dtype=float)
    n = len(x)
    std = float(np.std(x, ddof=1))
    t_lo, t_hi = stats.t.interval(0.95, n - 1, loc=float(np.mean(x)), scale=std / np.sqrt(n))
    chi_lo = std * np.sqrt((n - 1) / stats.chi2.ppf(0.975, n - 1))
    chi_hi = std * np.sqrt((n - 1) / stats.chi2.ppf(0.025, n - 1))
    out["samples"][name] = {
        "values": values,
        "mean": float(np.mean(x)),
        "meanInterval": [float(t_lo), float(t_hi)],
        "std": std,
        "stdInterval": [float(chi_lo), float(chi_hi)],
        "median": float(np.median(x)),
        "iqm": iqm(x),
        "medianInterval": bootstrap(values, np.median, rng),
        "iqmInterval": bootstrap(values, iqm, rng),
        "runsForPrecision": {"halfWidth": std / 2, "runs": runs_for_precision(std, std / 2)},
    }

a, b = (np.asarray(PAIRED[k]) for k in "ab")
paired = stats.ttest_rel(a, b).confidence_interval(0.95)
d = a - b
out["paired"] = {
    **PAIRED,
    "meanDiff": float(np.mean(d)),
    "interval": [float(paired.low), float(paired.high)],
    "shareAbove": float((np.sum(d > 0) + 0.5 * np.sum(d == 0)) / len(d)),
}
a, b = (np.asarray(UNPAIRED[k]) for k in "ab")
welch = stats.ttest_ind(a, b, equal_var=False)
ci = welch.confidence_interval(0.95)
out["unpaired"] = {
    **UNPAIRED,
    "meanDiff": float(np.mean(a) - np.mean(b)),
    "interval": [float(ci.low), float(ci.high)],
    "df": float(welch.df),
    "probabilityOfImprovement": float(stats.mannwhitneyu(a, b, alternative="greater").statistic / (len(a) * len(b))),
}
print(json.dumps(out, indent=1))
