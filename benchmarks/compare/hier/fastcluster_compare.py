#!/usr/bin/python3
"""fastcluster 1.2.3 on the data HierBenchmark uses, for the side-by-side in
benchmarks/results/hier.md.

    /usr/bin/python3 benchmarks/compare/hier/fastcluster_compare.py [n ...]
    HIER_RUNS=1 HIER_VECTOR_ONLY=1 /usr/bin/python3 benchmarks/compare/hier/fastcluster_compare.py 100000

The points come from the same SplitMix64 stream as io.eddy.benchmarks.hier.HierData (ten
blobs: uniform noise of half-width 1 around centres drawn in [0, 20)^8), so both
sides cluster identical doubles; each line prints x[0,0] and the top merge height, which
match io.eddy.benchmarks.hier.HierCompare's output.
Each (n, method) runs in a fresh child process so that its peak RSS (ru_maxrss) is its own;
we report the best wall time and the best process CPU time of HIER_RUNS runs (default 5,
after one warm-up when more than one) of fastcluster.linkage(X, method)
on the observations, which includes the O(n^2 d) distance computation as the Java side does,
and the peak RSS growth over the process after loading the data. Single-threaded, as is
fastcluster. Outside the build.
"""
import json
import os
import resource
import subprocess
import sys
import time

MASK = (1 << 64) - 1
RUNS = int(os.environ.get("HIER_RUNS", "5"))


def splitmix(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield (z ^ (z >> 31)) & MASK


def data(n, d, seed=42):
    import numpy as np
    g = splitmix(seed)
    unit = lambda: (next(g) >> 11) * (1.0 / (1 << 53))
    centres = [[unit() * 20.0 for _ in range(d)] for _ in range(10)]
    x = np.empty((n, d))
    for i in range(n):
        c = centres[i % 10]
        for j in range(d):
            x[i, j] = c[j] + (unit() * 2.0 - 1.0)
    return x


def child(n, method, vector):
    import numpy as np
    import fastcluster
    x = data(n, 8)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    f = fastcluster.linkage_vector if vector else fastcluster.linkage
    if RUNS > 1:
        f(x, method=method)  # warm-up
    best = float("inf")
    best_cpu = float("inf")
    for _ in range(RUNS):
        t = time.perf_counter()
        c = time.process_time()
        z = f(x, method=method)
        best_cpu = min(best_cpu, time.process_time() - c)
        best = min(best, time.perf_counter() - t)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"n": n, "method": method, "vector": vector, "best_s": best, "best_cpu_s": best_cpu,
                      "rss_growth_mib": (peak - base) / 1024.0, "top": float(z[-1, 2]),
                      "x00": float(x[0, 0])}))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1")
        return
    ns = [int(a) for a in sys.argv[1:]] or [5000]
    vector_only = os.environ.get("HIER_VECTOR_ONLY") == "1"
    for n in ns:
        for method in [] if vector_only else ["single", "average", "complete", "ward"]:
            out = subprocess.run([sys.executable, __file__, "--child", str(n), method, "0"],
                                 capture_output=True, text=True, check=True)
            print(out.stdout.strip(), flush=True)
        for method in ["single", "ward"]:
            out = subprocess.run([sys.executable, __file__, "--child", str(n), method, "1"],
                                 capture_output=True, text=True, check=True)
            print(out.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
