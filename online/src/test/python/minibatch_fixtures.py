"""Golden fixtures for io.eddy.online.MiniBatchKMeans from scikit-learn 1.2.

Run with the Debian interpreter that has scikit-learn 1.2.1:
    /usr/bin/python3 online/src/test/python/minibatch_fixtures.py
Writes online/src/test/resources/kmeans/. Not part of the build.

scikit-learn's result depends on numpy's random numbers, which Eddy does not reproduce, so
the fixture is the distribution of its final inertia over 10 seeds on fixed data, for each
init: k-means++, random rows, and explicit centers (the first 10 rows). One run needs no random
numbers: partial_fit from explicit centers without reassignment, whose centers and counts after
each weighted batch are exact.
"""
import os
import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.datasets import make_blobs

OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "kmeans")
os.makedirs(OUT, exist_ok=True)

X, _ = make_blobs(n_samples=6000, n_features=4, centers=10, cluster_std=1.5,
                  center_box=(-12, 12), random_state=17)
X = np.round(X, 6)  # the file holds exactly the values scikit-learn saw
with open(os.path.join(OUT, "minibatch_data.csv"), "w") as f:
    for row in X:
        f.write(",".join(repr(float(v)) for v in row) + "\n")

props = {}
for batch in (1024, 100):
    inertias = []
    for seed in range(10):
        m = MiniBatchKMeans(n_clusters=10, batch_size=batch, n_init=1, random_state=seed).fit(X)
        inertias.append(m.inertia_)
    props["batch%d.sklearn_median_inertia" % batch] = repr(float(np.median(inertias)))
    props["batch%d.sklearn_inertias" % batch] = ",".join(repr(float(v)) for v in inertias)
for init in ("random", "first10"):
    for batch in (1024, 100):
        inertias = []
        for seed in range(10):
            m = MiniBatchKMeans(n_clusters=10, batch_size=batch, n_init=1, random_state=seed,
                                init=X[:10] if init == "first10" else init).fit(X)
            inertias.append(m.inertia_)
        props["%s.batch%d.sklearn_median_inertia" % (init, batch)] = repr(float(np.median(inertias)))
        props["%s.batch%d.sklearn_inertias" % (init, batch)] = ",".join(repr(float(v)) for v in inertias)

# partial_fit from X[:10], reassignment off, batches of 100 of rows 0..1999 with weights
# 0.5 + (i % 7) / 7: the same arithmetic in any implementation.
W = 0.5 + (np.arange(len(X)) % 7) / 7.0
pf = MiniBatchKMeans(n_clusters=10, init=X[:10], n_init=1, reassignment_ratio=0.0, random_state=0)
for start in range(0, 2000, 100):
    pf.partial_fit(X[start:start + 100], sample_weight=W[start:start + 100])
props["partial.centers"] = ",".join(repr(float(v)) for v in pf.cluster_centers_.ravel())
props["partial.counts"] = ",".join(repr(float(v)) for v in pf._counts)

full = [KMeans(n_clusters=10, n_init=1, random_state=s).fit(X).inertia_ for s in range(10)]
props["kmeans.sklearn_min_inertia"] = repr(float(np.min(full)))
with open(os.path.join(OUT, "minibatch.properties"), "w") as f:
    f.write("# scikit-learn %s, k = 10\n" % sklearn.__version__)
    for k, v in props.items():
        f.write("%s=%s\n" % (k, v))
