"""Golden fixtures for io.eddy.kmeans.KMeans from scikit-learn 1.2.

Run with the Debian interpreter that has scikit-learn 1.2.1:
    /usr/bin/python3 core/src/test/python/kmeans_fixtures.py
Writes CSV (full-precision repr) and .properties files to
core/src/test/resources/kmeans/. Not part of the build.
"""
import os
import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "kmeans")
os.makedirs(OUT, exist_ok=True)


def write_csv(name, rows):
    with open(os.path.join(OUT, name), "w") as f:
        for row in np.atleast_2d(rows):
            f.write(",".join(repr(float(v)) for v in row) + "\n")


def write_ints(name, values):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("\n".join(str(int(v)) for v in values) + "\n")


def write_props(name, props):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("# scikit-learn %s\n" % sklearn.__version__)
        for k, v in props.items():
            f.write("%s=%s\n" % (k, v))


def same_start_case(name, X, init, weights=None, tol=1e-4, max_iter=300):
    """Lloyd and Elkan from the same explicit centers; both must agree."""
    write_csv(name + "_data.csv", X)
    write_csv(name + "_init.csv", init)
    if weights is not None:
        write_csv(name + "_weights.csv", weights.reshape(-1, 1))
    props = {"tol": repr(tol), "max_iter": max_iter}
    for algo in ("lloyd", "elkan"):
        km = KMeans(n_clusters=len(init), init=init, n_init=1, algorithm=algo, tol=tol,
                    max_iter=max_iter).fit(X, sample_weight=weights)
        write_csv("%s_%s_centers.csv" % (name, algo), km.cluster_centers_)
        write_ints("%s_%s_labels.csv" % (name, algo), km.labels_)
        props[algo + ".inertia"] = repr(float(km.inertia_))
        props[algo + ".n_iter"] = km.n_iter_
    write_props(name + ".properties", props)


rng = np.random.RandomState(7)

# 1. Overlapping blobs, d = 3, k = 6: several iterations before the labels settle.
X, _ = make_blobs(n_samples=800, n_features=3, centers=6, cluster_std=2.5, random_state=11)
init = X[rng.choice(len(X), 6, replace=False)]
same_start_case("overlap", X, init)

# 2. Same with non-uniform sample weights (some zero).
w = rng.uniform(0.0, 3.0, size=len(X))
w[rng.choice(len(X), 40, replace=False)] = 0.0
same_start_case("weighted", X, init, weights=w)

# 3. One initial center far from all data: its cluster is empty in the first iteration and
#    is relocated to the point farthest from its center.
X3, _ = make_blobs(n_samples=300, n_features=2, centers=4, cluster_std=1.0, random_state=3)
init3 = X3[rng.choice(len(X3), 4, replace=False)].copy()
init3[2] = [100.0, 100.0]
same_start_case("empty", X3, init3)

# 4. Higher dimension, d = 20, k = 8, iteration cap reached (max_iter = 5).
X4, _ = make_blobs(n_samples=500, n_features=20, centers=8, cluster_std=6.0, random_state=5)
init4 = X4[rng.choice(len(X4), 8, replace=False)]
same_start_case("capped", X4, init4, max_iter=5)

# 5. Planted, well-separated blobs for k-means++ quality: truth labels and sklearn's inertia
#    over 10 seeds (n_init = 1).
X5, y5 = make_blobs(n_samples=1000, n_features=4, centers=7, cluster_std=0.8,
                    center_box=(-20, 20), random_state=21)
write_csv("planted_data.csv", X5)
write_ints("planted_truth.csv", y5)
in5 = [KMeans(n_clusters=7, init="k-means++", n_init=1, random_state=s).fit(X5).inertia_
       for s in range(10)]
# 6. Harder blobs (many, overlapping) where seeding matters: sklearn's median over 10 seeds.
X6, _ = make_blobs(n_samples=2000, n_features=2, centers=15, cluster_std=1.2,
                   center_box=(-15, 15), random_state=8)
write_csv("hard_data.csv", X6)
in6 = [KMeans(n_clusters=15, init="k-means++", n_init=1, random_state=s).fit(X6).inertia_
       for s in range(10)]
write_props("quality.properties", {
    "planted.k": 7,
    "planted.sklearn_median_inertia": repr(float(np.median(in5))),
    "hard.k": 15,
    "hard.sklearn_median_inertia": repr(float(np.median(in6))),
    "hard.sklearn_inertias": ",".join(repr(float(v)) for v in in6),
})
