"""The digits-reference protocol in scikit-learn's MLPClassifier: a second independent reference.

Same protocol as bench/pytorch_digits_reference.py. MLPClassifier already draws Glorot-uniform
weights for relu nets; its biases are drawn too, so a subclass zeroes them to match the protocol.
alpha=0 turns off its default L2 penalty; tol=0 and n_iter_no_change=1000 keep all 20 epochs.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 bench/sklearn_digits_reference.py   (Debian: python3-sklearn)
"""
import csv, json, statistics, time, warnings
from pathlib import Path

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

warnings.filterwarnings("ignore", category=ConvergenceWarning)


class ZeroBiasMLP(MLPClassifier):
    def _init_coef(self, fan_in, fan_out, dtype):
        coef, _ = super()._init_coef(fan_in, fan_out, dtype)
        return coef, np.zeros(fan_out, dtype=dtype)


rows = list(csv.reader(open(Path(__file__).parent.parent / "data" / "digits.csv")))[1:]
X = np.array([[float(v) / 16 for v in r[:-1]] for r in rows], dtype=np.float32)
y = np.array([int(r[-1]) for r in rows])
test = np.arange(len(rows)) % 4 == 3

t0 = time.perf_counter()
accs = []
for seed in range(1, 31):
    m = ZeroBiasMLP(hidden_layer_sizes=(32,), activation="relu", solver="adam", alpha=0.0, batch_size=32,
                    learning_rate_init=1e-3, beta_1=0.9, beta_2=0.999, epsilon=1e-7, max_iter=20, shuffle=True,
                    tol=0.0, n_iter_no_change=1000, random_state=seed)
    m.fit(X[~test], y[~test])
    accs.append(float((m.predict(X[test]) == y[test]).mean()))
print(json.dumps({"sklearn": sklearn.__version__, "seeds": 30, "seconds": round(time.perf_counter() - t0, 2),
                  "mean": statistics.mean(accs), "std": statistics.stdev(accs), "min": min(accs), "max": max(accs)}))
