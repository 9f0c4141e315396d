#!/usr/bin/python3
"""Golden fixtures for io.eddy.hierarchy, from scipy 1.10.1 (and fastcluster 1.2.3 as a check).

Run with the system interpreter, which has scipy, scikit-learn and fastcluster:

    /usr/bin/python3 core/src/test/python/hierarchy_fixtures.py

For each data set (planted blobs, iris, wine) it writes under
core/src/test/resources/hierarchy/:

  <set>.data.csv           the points, one per line, full-precision doubles (repr)
  <set>.<linkage>.txt      scipy's linkage on the observations, then its cuts:
      Z,a,b,height,size        one line per merge (n-1 lines, scipy's row order)
      leaves,i,...             scipy's leaves_list (plotting order)
      cophenet,c               cophenetic correlation with the Euclidean distances
      coph,i,j,value           cophenetic distances of a few fixed pairs
      maxclust,k,T0,...        fcluster(Z, k, 'maxclust') labels (1-based, as scipy)
      distance,t,T0,...        fcluster(Z, t, 'distance') labels
      cuttree,k,T0,...         cut_tree(Z, n_clusters=k) labels (0-based, as scipy); every k
                               from 1 to n for blobs, a few for the others
      cuttreeh,t,T0,...        cut_tree(Z, height=t) labels
      inconsistent,d,r,m,s,c,i inconsistent(Z, d) row r: mean, std, count, coefficient
      olo,a,b                  optimal_leaf_ordering(Z, X) rows (a, b), in scipy's order
      ololeaves,i,...          leaves_list of the optimally ordered matrix

Ward, centroid and median heights are Euclidean (scipy's convention on observations), not
squared. Python is not part of the build; the outputs are committed.
"""
import os
import numpy as np
import scipy
import fastcluster
from scipy.cluster.hierarchy import (linkage, fcluster, leaves_list, cophenet, cut_tree,
                                     inconsistent, optimal_leaf_ordering)
from scipy.spatial.distance import pdist
from sklearn.datasets import load_iris, load_wine

assert scipy.__version__ == "1.10.1", scipy.__version__
OUT = os.path.join(os.path.dirname(__file__), "..", "resources", "hierarchy")
LINKAGES = ["single", "complete", "average", "weighted", "ward", "centroid", "median"]


def blobs():
    rng = np.random.RandomState(20261122)
    centers = np.array([[0.0, 0.0, 0.0], [6.0, 0.0, 1.0], [0.0, 7.0, -2.0], [5.0, 6.0, 4.0]])
    sizes = [20, 15, 25, 12]
    pts = [c + rng.normal(scale=1.0, size=(m, 3)) for c, m in zip(centers, sizes)]
    x = np.vstack(pts)
    return x[rng.permutation(len(x))]


def write_rows(f, tag, values):
    f.write(tag + "," + ",".join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(v)
                                 for v in values) + "\n")


def main():
    sets = {"blobs": blobs(), "iris": load_iris().data, "wine": load_wine().data}
    for name, x in sets.items():
        x = np.ascontiguousarray(x, dtype=np.float64)
        n = len(x)
        with open(os.path.join(OUT, name + ".data.csv"), "w") as f:
            for row in x:
                f.write(",".join(repr(float(v)) for v in row) + "\n")
        y = pdist(x)
        for method in LINKAGES:
            z = linkage(x, method=method)
            # fastcluster must agree on the heights; a sanity check on the reference itself.
            zf = fastcluster.linkage(x, method=method)
            # They can differ where tied distances are broken differently (iris has duplicate
            # points and one-decimal coordinates), which changes later centroid/median merges.
            if not np.allclose(np.sort(z[:, 2]), np.sort(zf[:, 2]), rtol=1e-10, atol=0):
                print("note: fastcluster.linkage differs from scipy on", name, method)
            if method in ("single", "ward", "centroid", "median"):
                zv = fastcluster.linkage_vector(x, method=method)
                if not np.allclose(np.sort(z[:, 2]), np.sort(zv[:, 2]), rtol=1e-9, atol=1e-12):
                    print("note: fastcluster.linkage_vector differs from scipy on", name, method)
            with open(os.path.join(OUT, "%s.%s.txt" % (name, method)), "w") as f:
                for r in z:
                    f.write("Z,%d,%d,%r,%d\n" % (int(r[0]), int(r[1]), float(r[2]), int(r[3])))
                write_rows(f, "leaves", [int(v) for v in leaves_list(z)])
                c, coph = cophenet(z, y)
                write_rows(f, "cophenet", [float(c)])
                for (i, j) in [(0, 1), (0, n - 1), (3, 17), (n // 2, n // 3), (n - 2, n - 1)]:
                    a, b = min(i, j), max(i, j)
                    k = n * a - a * (a + 1) // 2 + (b - a - 1)
                    f.write("coph,%d,%d,%r\n" % (i, j, float(coph[k])))
                for k in [1, 2, 3, 4, 5, 7, 10, 25, n - 1, n]:
                    t = fcluster(z, k, criterion="maxclust")
                    write_rows(f, "maxclust,%d" % k, [int(v) for v in t])
                heights = z[:, 2]
                ts = sorted(set([0.0, float(np.median(heights)), float(heights[n // 2]),
                                 float(heights[-2]), float(heights[-1]), float(np.quantile(heights, 0.9)),
                                 float(heights[-5]) * 0.999]))
                for t in ts:
                    tt = fcluster(z, t, criterion="distance")
                    write_rows(f, "distance,%r" % t, [int(v) for v in tt])
                ks = range(1, n + 1) if name == "blobs" else [1, 2, 3, 5, 10, n // 2, n - 1, n]
                for k in ks:
                    write_rows(f, "cuttree,%d" % k, [int(v) for v in cut_tree(z, n_clusters=k)[:, 0]])
                for t in ts + [float(heights[3]), float(heights[-1]) * 2]:
                    write_rows(f, "cuttreeh,%r" % t, [int(v) for v in cut_tree(z, height=t)[:, 0]])
                for d in [0, 1, 2, 3, 5]:
                    for r, row in enumerate(inconsistent(z, d)):
                        f.write("inconsistent,%d,%d,%r,%r,%r,%r\n" % (d, r, float(row[0]), float(row[1]),
                                                                       float(row[2]), float(row[3])))
                zo = optimal_leaf_ordering(z, x)
                for r in zo:
                    f.write("olo,%d,%d\n" % (int(r[0]), int(r[1])))
                write_rows(f, "ololeaves", [int(v) for v in leaves_list(zo)])


if __name__ == "__main__":
    main()
