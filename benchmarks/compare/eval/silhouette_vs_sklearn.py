#!/usr/bin/python3
"""Exact silhouette, Eddy against scikit-learn, on the same data and machine.

Method
  * Data: sklearn.datasets.make_blobs(n_samples=20000, n_features=8, centers=6,
    random_state=42); labels are the planted blob ids. Written once to a CSV with repr()
    doubles, which both sides read, so both see bit-identical inputs.
  * scikit-learn: sklearn.metrics.silhouette_score(X, labels) (metric='euclidean', no
    sampling), timed with time.perf_counter over RUNS runs after one warm-up run. It runs
    with whatever threads its numpy/BLAS uses (the Debian build links the reference BLAS,
    so one thread; OpenBLAS builds use all cores).
  * Eddy: io.eddy.eval.Silhouette.exact with 1 and with all processors' threads, via
    io.eddy.benchmarks.eval.SilhouetteSideBySide (3 warm-up runs, then RUNS timed runs in
    one JVM), from the shaded benchmarks jar.
  * Reported: each run, the medians, the ratio Eddy/sklearn of the medians, and the
    relative difference of the two scores.

Run from the repository root after building the benchmarks jar:

    ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
    /usr/bin/python3 benchmarks/compare/eval/silhouette_vs_sklearn.py
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import sklearn
from sklearn.datasets import make_blobs
from sklearn.metrics import silhouette_score

N, D, CENTERS, SEED, RUNS = 20000, 8, 6, 42, 5
JAR = os.path.join("benchmarks", "target", "benchmarks.jar")


def main():
    X, y = make_blobs(n_samples=N, n_features=D, centers=CENTERS, random_state=SEED)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        for row, label in zip(X, y):
            f.write(",".join(repr(float(v)) for v in row) + "," + str(int(label)) + "\n")
        path = f.name
    print("scikit-learn %s, numpy %s, n=%d d=%d k=%d, %d processors"
          % (sklearn.__version__, np.__version__, N, D, CENTERS, os.cpu_count()))
    silhouette_score(X, y)
    sk_times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        sk_score = silhouette_score(X, y)
        sk_times.append(time.perf_counter() - t0)
        print("sklearn %.4f %r" % (sk_times[-1], sk_score))
    sk_median = statistics.median(sk_times)
    for threads in sorted({1, os.cpu_count()}):
        out = subprocess.run(["java", "-cp", JAR, "io.eddy.benchmarks.eval.SilhouetteSideBySide",
                              path, str(threads), "3", str(RUNS)],
                             check=True, capture_output=True, text=True).stdout
        times = []
        for line in out.strip().splitlines():
            print(line)
            _, _, seconds, score = line.split()
            times.append(float(seconds))
            java_score = float(score)
        median = statistics.median(times)
        print("threads=%d: eddy median %.4f s, sklearn median %.4f s, ratio eddy/sklearn %.3f, "
              "relative score difference %.2e"
              % (threads, median, sk_median, median / sk_median,
                 abs(java_score - sk_score) / abs(sk_score)))
    os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
