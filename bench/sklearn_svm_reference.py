"""Support vector machines on digits in scikit-learn 1.2: the reference for src/classic/kernelSvm.ts and linearSvm.ts.

The data as Seedlab prepares digits-reference: pixels / 16 in float32, rows with index % 4 == 3 for
test. SVC with its defaults (RBF, C 1, gamma "scale", tol 1e-3; LIBSVM's solver, shrinking on) and
LinearSVC with its defaults (squared hinge, dual coordinate descent, C 1, tol 1e-4, one against the
rest), the latter for seeds 0-4 of its random_state, on all 1348 training rows: written to
bench/reference/sklearn-svm.json. Then, where bench/svmDataSize.ts has written the row indices of
every (size, seed) subset of the digits-data-size preset (bench/reference/svm-data-size.json), both
fitted on exactly those rows (LinearSVC's random_state = the seed): written to
bench/reference/sklearn-svm-data-size.json. tests/svm.test.ts reads both.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 bench/sklearn_svm_reference.py   (Debian: python3-sklearn)
"""
import csv, json, time
from pathlib import Path

import numpy as np
import sklearn
from sklearn.svm import SVC, LinearSVC

root = Path(__file__).parent.parent
rows = list(csv.reader(open(root / "data" / "digits.csv")))[1:]
X = np.array([[float(v) / 16 for v in r[:-1]] for r in rows], dtype=np.float32).astype(np.float64)
y = np.array([int(r[-1]) for r in rows])
test = np.arange(len(rows)) % 4 == 3
Xtr, ytr, Xte, yte = X[~test], y[~test], X[test], y[test]

t = time.perf_counter()
svc = SVC().fit(Xtr, ytr)
svc_fit = time.perf_counter() - t
svc_pred = svc.predict(Xte)

linear = []
for seed in range(5):
    t = time.perf_counter()
    m = LinearSVC(random_state=seed).fit(Xtr, ytr)
    fit = time.perf_counter() - t
    p = m.predict(Xte)
    linear.append({"random_state": seed, "accuracy": float((p == yte).mean()), "predictions": p.tolist(), "iterations": int(m.n_iter_), "fitSeconds": fit})

out = {
    "sklearn": sklearn.__version__,
    "protocol": "digits / 16 (float32), test rows index % 4 == 3 (449), train 1348",
    "svc": {
        "gamma": 1 / (Xtr.shape[1] * Xtr.var()),
        "supportPerClass": svc.n_support_.tolist(),
        "intercepts": svc.intercept_.tolist(),
        "accuracy": float((svc_pred == yte).mean()),
        "predictions": svc_pred.tolist(),
        "fitSeconds": svc_fit,
    },
    "linearSvc": linear,
}
(root / "bench" / "reference" / "sklearn-svm.json").write_text(json.dumps(out, indent=1) + "\n")
print(json.dumps({k: v for k, v in out["svc"].items() if k != "predictions"}), [(l["accuracy"], l["iterations"]) for l in linear])

rows_file = root / "bench" / "reference" / "svm-data-size.json"
if rows_file.exists():
    fits = []
    for f in json.loads(rows_file.read_text())["fits"]:
        idx = np.array(f["rows"])
        fit = {"size": f["size"], "seed": f["seed"], "accuracy": {}, "predictions": {}, "seconds": {}}
        for name, make in (("svm", lambda: SVC()), ("linear-svm", lambda: LinearSVC(random_state=f["seed"]))):
            t = time.perf_counter()
            p = make().fit(X[idx], y[idx]).predict(Xte)
            fit["seconds"][name] = time.perf_counter() - t
            fit["accuracy"][name] = float((p == yte).mean())
            fit["predictions"][name] = "".join(str(v) for v in p)
        fits.append(fit)
    lines = ",\n".join(json.dumps(f) for f in fits)
    (root / "bench" / "reference" / "sklearn-svm-data-size.json").write_text('{"sklearn": "%s", "fits": [\n%s\n]}\n' % (sklearn.__version__, lines))
    print(len(fits), "fits on the data-size subsets")
