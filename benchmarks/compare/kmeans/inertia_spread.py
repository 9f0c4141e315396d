"""scikit-learn's k-means++ inertia over many seeds, on the comparison data (see README.md).

    /usr/bin/python3 inertia_spread.py /tmp/eddy-kmeans-compare [seeds]

Fits KMeans(16, n_init=1) with random_state 0..seeds-1 (default 51) and prints the quartiles
and the mean of the final inertia, and the quartiles of the iteration counts, for comparison with io.eddy.benchmarks.kmeans.InertiaSpread:
both sides run the same greedy k-means++ and Lloyd iterations, each with its own random
numbers, so only the spread over many seeds can be compared.
"""
import sys
import numpy as np
from sklearn.cluster import KMeans

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/eddy-kmeans-compare"
seeds = int(sys.argv[2]) if len(sys.argv) > 2 else 51
X = np.fromfile(out + "/data.f64", dtype="<f8").reshape(-1, 16)
fits = [KMeans(16, n_init=1, random_state=r).fit(X) for r in range(seeds)]
inertia = np.array([m.inertia_ for m in fits])
iterations = np.array([m.n_iter_ for m in fits])
q = np.quantile(inertia, [0.25, 0.5, 0.75])
t = np.quantile(iterations, [0.25, 0.5, 0.75])
print("scikit-learn, %d seeds: quartiles %.6e %.6e %.6e, mean %.6e, min %.6e; iterations quartiles %.0f %.0f %.0f"
      % (seeds, q[0], q[1], q[2], inertia.mean(), inertia.min(), t[0], t[1], t[2]))
