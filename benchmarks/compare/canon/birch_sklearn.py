"""Side-by-side BIRCH fit: Eddy's BirchBatch against scikit-learn 1.2's Birch on the same data.

Run from the repository root after `./mvnw -q -B -o -pl benchmarks -am package -DskipTests`:
    /usr/bin/python3 benchmarks/compare/canon/birch_sklearn.py
Writes the data to /tmp/birch-compare.csv, times scikit-learn's fit (first call and best of
three), runs io.eddy.benchmarks.canon.BirchFitComparison on the same file (first fit in a fresh
JVM and best of five warm fits), and prints both with the subcluster and cluster counts. Not
part of the build.
"""
import os
import subprocess
import time
import numpy as np
import sklearn
from sklearn.cluster import Birch
from sklearn.datasets import make_blobs

N, D, K, T = 50_000, 8, 20, 1.5
X, _ = make_blobs(n_samples=N, n_features=D, centers=K, cluster_std=1.0, center_box=(-20, 20),
                  random_state=7)
X = np.round(X, 6)
path = "/tmp/birch-compare.csv"
np.savetxt(path, X, delimiter=",", fmt="%.6f")

times = []
t0 = time.perf_counter()
tree = Birch(threshold=T, n_clusters=None).fit(X)
print("scikit-learn tree only (n_clusters=None): %.3f s" % (time.perf_counter() - t0))
for _ in range(3):
    t0 = time.perf_counter()
    m = Birch(threshold=T, n_clusters=K).fit(X)
    times.append(time.perf_counter() - t0)
print("scikit-learn %s: first %.3f s, best %.3f s, %d subclusters, %d clusters"
      % (sklearn.__version__, times[0], min(times), len(m.subcluster_centers_), len(set(m.labels_))))

jar = os.path.join("benchmarks", "target", "benchmarks.jar")
out = subprocess.run(["java", "-cp", jar, "io.eddy.benchmarks.canon.BirchFitComparison", path,
                      str(T), str(K)], capture_output=True, text=True, check=True).stdout
print(out.strip())
print("load:", os.getloadavg())
