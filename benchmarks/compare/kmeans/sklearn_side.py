"""scikit-learn 1.2 side of the k-means comparison (see README.md in this folder).

    /usr/bin/python3 sklearn_side.py /tmp/eddy-kmeans-compare [repeats] [parts] [tries]

Generates the data once (make_blobs, n = 200,000, d = 16, 16 centers, std 4 so clusters
overlap and Lloyd needs many iterations), writes it as raw little-endian float64 with the
k-means++ initial centers scikit-learn chose, then times:
  * KMeans(k=16, n_init=1) full fit, lloyd and elkan (including k-means++ seeding);
  * KMeans from the written initial centers (iterations only), lloyd and elkan;
  * MiniBatchKMeans(k=16, batch_size=1024, n_init=1) full fit.
Each timing is the median of `repeats` runs (default 5) with random_state 0..repeats-1, on
all cores unless OMP_NUM_THREADS says otherwise; the median inertia is over the same runs. A
second line gives the mean time, the mean iteration count and a least-squares split of the
time into a fixed part and a part per iteration. `parts` (default
seeding,fit,centers,minibatch) picks what to time: k-means++ seeding alone, the k-means++ fits,
the fits from the written centers, the mini-batch fit (fit1 and centers1: the default
algorithm, lloyd, only). With `tries` (default 1) above 1, each
seed is fitted that many times and its fastest time counts, which keeps a busy neighbour on the
machine out of the figures.
"""
import os
import sys
import time
import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.cluster._kmeans import kmeans_plusplus
from sklearn.datasets import make_blobs

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/eddy-kmeans-compare"
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
os.makedirs(out, exist_ok=True)
X, _ = make_blobs(n_samples=200_000, n_features=16, centers=16, cluster_std=4.0,
                  center_box=(-10, 10), random_state=0)
X = np.ascontiguousarray(X, dtype=np.float64)
init, _ = kmeans_plusplus(X, 16, random_state=0)
X.astype("<f8").tofile(os.path.join(out, "data.f64"))
init.astype("<f8").tofile(os.path.join(out, "init.f64"))


def timed(make, label):
    times, inertias, iters = [], [], []
    for r in range(repeats):
        best = float("inf")
        for _ in range(tries):
            t0 = time.perf_counter()
            m = make(r).fit(X)
            best = min(best, time.perf_counter() - t0)
        times.append(best)
        inertias.append(m.inertia_)
        iters.append(m.n_iter_)
    print("%-36s median %.3f s  (min %.3f)  median inertia %.6e  n_iter %s"
          % (label, float(np.median(times)), min(times), float(np.median(inertias)), iters))
    # Seeds differ in how many iterations they need, so the mean time, the mean iteration count
    # and a least-squares split of the time into a fixed part and a per-iteration part compare
    # more robustly than a median over a few seeds.
    t, i = np.array(times), np.array(iters, dtype=float)
    slope, intercept = np.polyfit(i, t, 1) if i.std() > 0 else (0.0, t.mean())
    print("%-36s mean %.4f s  mean n_iter %.2f  time = %.4f s + %.5f s per iteration"
          % ("", t.mean(), i.mean(), intercept, slope))


print("scikit-learn", sklearn.__version__, "OMP_NUM_THREADS =", os.environ.get("OMP_NUM_THREADS", "all"))
parts = (sys.argv[3] if len(sys.argv) > 3 else "seeding,fit,centers,minibatch").split(",")
tries = int(sys.argv[4]) if len(sys.argv) > 4 else 1
if "seeding" in parts:
    times = []
    for r in range(repeats):
        t0 = time.perf_counter()
        kmeans_plusplus(X, 16, random_state=r)
        times.append(time.perf_counter() - t0)
    print("%-36s median %.3f s  (min %.3f)" % ("kmeans++ seeding only", float(np.median(times)), min(times)))
for algo in ("lloyd", "elkan"):
    if "fit" in parts or ("fit1" in parts and algo == "lloyd"):
        timed(lambda r: KMeans(16, n_init=1, algorithm=algo, random_state=r), "kmeans++ fit, " + algo)
for algo in ("lloyd", "elkan"):
    if "centers" in parts or ("centers1" in parts and algo == "lloyd"):
        timed(lambda r: KMeans(16, init=init, n_init=1, algorithm=algo), "from given centers, " + algo)
if "minibatch" in parts:
    timed(lambda r: MiniBatchKMeans(16, batch_size=1024, n_init=1, random_state=r), "minibatch fit, batch 1024")
