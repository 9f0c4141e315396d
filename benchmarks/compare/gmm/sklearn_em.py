#!/usr/bin/python3
"""Time one EM iteration of scikit-learn's GaussianMixture (full covariance) on the data of
io.eddy.benchmarks.gmm.EmData (n=50,000, d=8, k=8), regenerated here bit for bit.

Method: the estimator is given the same start as GmmEmBenchmark (uniform weights, means = the
first k points, identity covariances); one iteration is `_e_step` followed by `_m_step`, the
body of scikit-learn's fit loop, timed with time.perf_counter over `--repeat` iterations after
one warm-up iteration; the minimum and median are printed. BLAS threads follow the environment
(set OMP_NUM_THREADS=1 for one core).

Usage: /usr/bin/python3 benchmarks/compare/gmm/sklearn_em.py [--repeat 20]
"""
import argparse
import math
import statistics
import time

import numpy as np
import sklearn
from sklearn.mixture import GaussianMixture

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def uniform(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z = z ^ (z >> 31)
        return (z >> 11) * 2.0 ** -53

    def normal(self):
        u = 1.0 - self.uniform()
        v = self.uniform()
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * v)


def points(n, d, k):
    rng = SplitMix64(42)
    x = np.empty((n, d))
    for i in range(n):
        c = i % k
        shared = rng.normal()
        for j in range(d):
            center = 6.0 * (((c + j) % k) - k / 2.0)
            x[i, j] = center + (0.5 + 0.25 * j) * rng.normal() + 0.3 * shared
    return x


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    n, d, k = 50_000, 8, 8
    x = points(n, d, k)
    print("sklearn", sklearn.__version__, "numpy", np.__version__, "data checksum", repr(float(x.sum())))
    gm = GaussianMixture(n_components=k, covariance_type="full", reg_covar=1e-6)
    gm.weights_ = np.full(k, 1.0 / k)
    gm.means_ = x[:k].copy()
    gm.covariances_ = np.array([np.eye(d)] * k)
    gm.precisions_cholesky_ = np.array([np.eye(d)] * k)
    gm.n_features_in_ = d

    def iteration():
        _, log_resp = gm._e_step(x)
        gm._m_step(x, log_resp)

    iteration()
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        iteration()
        times.append(time.perf_counter() - t0)
    print("one EM iteration (E + M step): min %.2f ms, median %.2f ms over %d"
          % (1e3 * min(times), 1e3 * statistics.median(times), len(times)))


if __name__ == "__main__":
    main()
