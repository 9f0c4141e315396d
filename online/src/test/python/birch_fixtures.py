"""Golden fixtures for io.eddy.online.Birch / BirchBatch from scikit-learn's Birch.

Run with the Debian interpreter that has scikit-learn 1.2.1:
    /usr/bin/python3 online/src/test/python/birch_fixtures.py
Writes online/src/test/resources/birch/<case>.properties. Not part of the build.

Each case records the data (rounded to 6 decimals, so the file holds exactly what
scikit-learn saw), the parameters, and what scikit-learn computed: the subcluster centres in
leaf order with the number of points of each subcluster, subcluster_labels_, labels_ of fit,
and predict on new points. The partial-fit case feeds one sample per partial_fit call and
records the same at checkpoints. The far case records how many subclusters scikit-learn finds
on a data set and on the same data translated by 1e7 (its issue 34436).
"""
import os
import warnings
import numpy as np
import sklearn
from sklearn.cluster import Birch
from sklearn.datasets import make_blobs

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "birch")
os.makedirs(OUT, exist_ok=True)
warnings.simplefilter("ignore")


def rows(a):
    return ";".join(",".join(repr(float(v)) for v in r) for r in np.atleast_2d(a))


def ints(a):
    return ",".join(str(int(v)) for v in a)


def nums(a):
    return ",".join(repr(float(v)) for v in a)


def tree_state(brc, prefix, props, test):
    leaves = brc._get_leaves()
    props[prefix + "centers"] = rows(brc.subcluster_centers_)
    props[prefix + "weights"] = nums([s.n_samples_ for leaf in leaves for s in leaf.subclusters_])
    props[prefix + "leafSizes"] = ints([len(leaf.subclusters_) for leaf in leaves])
    props[prefix + "subclusterLabels"] = ints(brc.subcluster_labels_)
    props[prefix + "predict"] = ints(brc.predict(test))


def write(name, props):
    with open(os.path.join(OUT, name + ".properties"), "w") as f:
        f.write("# scikit-learn %s, numpy %s\n" % (sklearn.__version__, np.__version__))
        for k, v in props.items():
            f.write("%s=%s\n" % (k, v))


def fit_case(name, X, threshold, branching, k, seed):
    X = np.round(X, 6)
    rng = np.random.RandomState(seed)
    lo, hi = X.min(axis=0) - 1, X.max(axis=0) + 1
    test = np.round(rng.uniform(lo, hi, size=(200, X.shape[1])), 6)
    brc = Birch(threshold=threshold, branching_factor=branching, n_clusters=k).fit(X)
    props = {"threshold": repr(threshold), "branchingFactor": branching, "k": 0 if k is None else k,
             "data": rows(X), "test": rows(test)}
    tree_state(brc, "fit.", props, test)
    props["fit.labels"] = ints(brc.labels_)
    write(name, props)


X, _ = make_blobs(n_samples=500, n_features=2, centers=4, cluster_std=0.6, random_state=1)
fit_case("blobs", X, 0.5, 50, 4, 11)
X, _ = make_blobs(n_samples=1200, n_features=3, centers=6, cluster_std=1.0, random_state=2)
fit_case("deep", X, 0.3, 5, 6, 12)
X, _ = make_blobs(n_samples=400, n_features=4, centers=5, cluster_std=1.2, random_state=3)
fit_case("none", X, 0.9, 8, None, 13)
# scikit-learn's non-regression data for its issue 23269 (duplicates), as float64
X = np.array([[-2.6192791, -1.5053215], [-2.9993038, -1.6863596], [-2.3724914, -1.3438171],
              [-2.336792, -1.3417323], [-2.4089134, -1.3290224], [-2.3724914, -1.3438171],
              [-3.364009, -1.8846745], [-2.3724914, -1.3438171], [-2.617677, -1.5003285],
              [-2.2960556, -1.3260119], [-2.3724914, -1.3438171], [-2.5459878, -1.4533926],
              [-2.25979, -1.3003055], [-2.4089134, -1.3290224], [-2.3724914, -1.3438171],
              [-2.4089134, -1.3290224], [-2.5459878, -1.4533926], [-2.3724914, -1.3438171],
              [-2.9720619, -1.7058647], [-2.336792, -1.3417323], [-2.3724914, -1.3438171]])
fit_case("duplicates", X, 1e-5, 5, None, 14)


# partial_fit, one sample per call
X, _ = make_blobs(n_samples=300, n_features=2, centers=3, cluster_std=0.8, random_state=4)
X = np.round(X, 6)
test = np.round(np.random.RandomState(16).uniform(X.min(0) - 1, X.max(0) + 1, size=(100, 2)), 6)
brc = Birch(threshold=0.4, branching_factor=6, n_clusters=3)
props = {"threshold": repr(0.4), "branchingFactor": 6, "k": 3, "data": rows(X), "test": rows(test)}
checkpoints = [1, 2, 3, 25, 100, 300]
props["checkpoints"] = ints(checkpoints)
for i in range(len(X)):
    brc.partial_fit(X[i:i + 1])
    if i + 1 in checkpoints:
        tree_state(brc, "at%d." % (i + 1), props, test)
write("partial", props)

# translation by 1e7: scikit-learn's radius SS/n - |c|^2 cancels (its issue 34436)
X, _ = make_blobs(n_samples=300, n_features=2, centers=3, cluster_std=0.5, random_state=5)
X = np.round(X, 6)
near = Birch(threshold=0.5, n_clusters=None).fit(X)
far = Birch(threshold=0.5, n_clusters=None).fit(X + 1e7)
props = {"threshold": repr(0.5), "branchingFactor": 50, "k": 0, "data": rows(X), "offset": repr(1e7),
         "near.subclusters": len(near.subcluster_centers_), "far.subclusters": len(far.subcluster_centers_),
         "near.centers": rows(near.subcluster_centers_)}
write("far", props)
print("near", len(near.subcluster_centers_), "far", len(far.subcluster_centers_))
