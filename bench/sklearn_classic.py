"""scikit-learn's classic models on given digits subsets: the other side of npm run bench:classic.

Usage (bench/classicSideBySide.ts calls it, one size at a time, interleaved with Seedlab's fits):
  OMP_NUM_THREADS=1 /usr/bin/python3 bench/sklearn_classic.py <subsets.json> <out.json>
subsets.json: {"fits": [{"size", "seed", "rows": [row indices of digits.csv]}]}. Every model is fitted
on exactly those rows (pixels / 16, float32 as Seedlab reads them) with scikit-learn's counterpart of
Seedlab's model and its settings, timed fit plus predict on the fixed test rows (index % 4 == 3), one
thread. Writes {"sklearn", "fits": [{"size", "seed", "seconds": {model}, "predictions": {model}}]}.
"""
import csv, json, sys, time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.svm import SVC, LinearSVC
from sklearn.tree import DecisionTreeClassifier

root = Path(__file__).parent.parent
rows = list(csv.reader(open(root / "data" / "digits.csv")))[1:]
X = np.array([[float(v) / 16 for v in r[:-1]] for r in rows], dtype=np.float32).astype(np.float64)
y = np.array([int(r[-1]) for r in rows])
test = np.arange(len(rows)) % 4 == 3
Xte = X[test]

MODELS = {
    # Seedlab: softmax regression, L2 as C = 1 (bench/README.md); scikit-learn's lbfgs to convergence.
    "logistic-regression": lambda seed: LogisticRegression(C=1.0, max_iter=1000),
    "knn": lambda seed: KNeighborsClassifier(n_neighbors=5),
    "decision-tree": lambda seed: DecisionTreeClassifier(random_state=seed),
    "random-forest": lambda seed: RandomForestClassifier(n_estimators=100, random_state=seed, n_jobs=1),
    "svm": lambda seed: SVC(),
    "linear-svm": lambda seed: LinearSVC(random_state=seed),
}

fits = []
for f in json.loads(Path(sys.argv[1]).read_text())["fits"]:
    idx = np.array(f["rows"])
    out = {"size": f["size"], "seed": f["seed"], "seconds": {}, "predictions": {}}
    for name, make in MODELS.items():
        t = time.perf_counter()
        p = make(f["seed"]).fit(X[idx], y[idx]).predict(Xte)
        out["seconds"][name] = time.perf_counter() - t
        out["predictions"][name] = "".join(str(v) for v in p)
    fits.append(out)
Path(sys.argv[2]).write_text(json.dumps({"sklearn": sklearn.__version__, "fits": fits}))
