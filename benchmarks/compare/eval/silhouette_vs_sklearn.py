#!/usr/bin/python3
"""Exact silhouette, Eddy against scikit-learn, on the same data and machine.

Method
  * Data: sklearn.datasets.make_blobs(n_samples=20000, n_features=8, centers=6,
    random_state=42); labels are the planted blob ids. Written once to a CSV with repr()
    doubles, which both sides read, so both see bit-identical inputs.
  * scikit-learn: sklearn.metrics.silhouette_score(X, labels) (metric='euclidean', no
    sampling), timed with time.perf_counter (wall) and time.process_time (process CPU)
    over RUNS runs after one warm-up run. It runs
    with whatever threads its numpy/BLAS uses (the Debian build links the reference BLAS,
    so one thread; OpenBLAS builds use all cores).
  * Eddy: io.eddy.eval.Silhouette.exact with 1 and with all processors' threads, via
    io.eddy.benchmarks.eval.SilhouetteSideBySide (3 warm-up runs, then RUNS timed runs in
    one JVM), from the shaded benchmarks jar.
  * Reported: each run (wall and CPU seconds), the medians, the ratios Eddy/sklearn of the
    medians, and the relative difference of the two scores. On a shared machine the CPU
    ratio is the meaningful one; the wall ratio is what a user waits on an idle machine
    only if the machine is idle.

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
    sk_times, sk_cpu = [], []
    for _ in range(RUNS):
        t0, c0 = time.perf_counter(), time.process_time()
        sk_score = silhouette_score(X, y)
        sk_times.append(time.perf_counter() - t0)
        sk_cpu.append(time.process_time() - c0)
        print("sklearn %.4f %.4f %r" % (sk_times[-1], sk_cpu[-1], sk_score))
    sk_median, sk_cpu_median = statistics.median(sk_times), statistics.median(sk_cpu)
    for threads in sorted({1, os.cpu_count()}):
        out = subprocess.run(["java", "-cp", JAR, "io.eddy.benchmarks.eval.SilhouetteSideBySide",
                              path, str(threads), "3", str(RUNS)],
                             check=True, capture_output=True, text=True).stdout
        times, cpu = [], []
        for line in out.strip().splitlines():
            print(line)
            _, _, seconds, cpu_seconds, score = line.split()
            times.append(float(seconds))
            cpu.append(float(cpu_seconds))
            java_score = float(score)
        median, cpu_median = statistics.median(times), statistics.median(cpu)
        print("threads=%d: wall eddy %.4f s / sklearn %.4f s = %.3f; CPU eddy %.4f s / sklearn "
              "%.4f s = %.3f; relative score difference %.2e"
              % (threads, median, sk_median, median / sk_median, cpu_median, sk_cpu_median,
                 cpu_median / sk_cpu_median, abs(java_score - sk_score) / abs(sk_score)))
    os.unlink(path)


if __name__ == "__main__":
    sys.exit(main())
