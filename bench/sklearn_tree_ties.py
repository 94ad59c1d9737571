"""Decision trees and forests over seeds in scikit-learn, on the digits-reference data and split.

scikit-learn's CART visits the features in a random order at every node (random_state) and keeps
the first strictly best split, so when several features split a node equally well (certain on
digits: many features separate a small node perfectly) the tree depends on the seed. Seedlab's
tree does the same with its own generator, so single trees cannot match; what must agree is the
distribution: test accuracy over seeds, and the share of seed pairs that give different trees.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 bench/sklearn_tree_ties.py > bench/reference/sklearn-tree-ties.json
(Debian: python3-sklearn)
"""
import csv, itertools, json, statistics
from pathlib import Path

import numpy as np
import sklearn
from sklearn.ensemble import RandomForestClassifier
from sklearn.tree import DecisionTreeClassifier

rows = list(csv.reader(open(Path(__file__).parent.parent / "data" / "digits.csv")))[1:]
X = np.array([[float(v) / 16 for v in r[:-1]] for r in rows], dtype=np.float32)
y = np.array([int(r[-1]) for r in rows])
test = np.arange(len(rows)) % 4 == 3
SEEDS = range(1, 31)


def tree_key(t):
    return (t.tree_.feature.tobytes(), t.tree_.threshold.tobytes(), t.tree_.children_left.tobytes())


trees = [DecisionTreeClassifier(random_state=s).fit(X[~test], y[~test]) for s in SEEDS]
tree_acc = [float((t.predict(X[test]) == y[test]).mean()) for t in trees]
pairs = list(itertools.combinations(range(len(trees)), 2))
different = sum(tree_key(trees[i]) != tree_key(trees[j]) for i, j in pairs) / len(pairs)

forests = [RandomForestClassifier(n_estimators=20, random_state=s).fit(X[~test], y[~test]) for s in range(1, 11)]
forest_acc = [float((f.predict(X[test]) == y[test]).mean()) for f in forests]

print(json.dumps({
    "sklearn": sklearn.__version__,
    "tree": {"seeds": len(trees), "mean": statistics.mean(tree_acc), "std": statistics.stdev(tree_acc),
             "min": min(tree_acc), "max": max(tree_acc), "differentPairsShare": different},
    "forest20": {"seeds": len(forests), "mean": statistics.mean(forest_acc), "std": statistics.stdev(forest_acc)},
}, indent=1))
