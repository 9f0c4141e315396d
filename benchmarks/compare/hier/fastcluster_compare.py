#!/usr/bin/python3
"""Eddy's hierarchical clustering against fastcluster 1.2.3, side by side in one run, for
benchmarks/results/hier.md. Outside the build.

    ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
    /usr/bin/python3 benchmarks/compare/hier/fastcluster_compare.py 5000 20000

Environment: HIER_METHODS (comma-separated, default all seven), HIER_RUNS (warm runs, default
5 at n <= 5,000, 2 above), HIER_JAVA (java command), HIER_JAR (default
benchmarks/target/benchmarks.jar), HIER_STORAGE (Eddy's storage, default auto),
HIER_THREADS (Eddy's threads, 0 = all), HIER_JAVA_OPTS (extra JVM options, space-separated,
e.g. -XX:+UseTransparentHugePages), HIER_ROUNDS (alternating rounds, default 1),
HIER_FC_VECTOR_ONLY=1 (for single, ward, centroid and median time only fastcluster's
linkage_vector, its faster path for them at n = 5,000, to shorten runs at n = 20,000),
HIER_JAR_BEFORE (a second Eddy build, e.g. main's, timed in the same rounds right beside
HIER_JAR's, the two in alternating order; printed as a row "method, before").

Both sides cluster the same doubles: the points come from the SplitMix64 stream of
io.eddy.benchmarks.hier.HierData (ten blobs in d = 8), and each line prints the top merge
height of both, which must agree. The task timed on both sides is the same: the whole tree
from the points, then the cut into k = 10 clusters (fastcluster + scipy's fcluster maxclust;
Eddy's HierarchicalClustering.fit with k = 10).

For every (n, method), alternating sides:
  * fastcluster, in a fresh Python process per path: `linkage` and, for single, ward,
    centroid and median, `linkage_vector`; the reference is the faster of the two (its
    fastest path), cold and warm separately. "cold" is the first call in the fresh
    process, "warm" the best of HIER_RUNS further calls.
  * Eddy, in a fresh JVM (io.eddy.benchmarks.hier.HierCompare): "cold" is the first fit in
    that JVM, JIT warm-up included (JVM start-up excluded, as the interpreter's and the
    import's are on the Python side), "warm" the best of HIER_RUNS further fits.
Ratios are Eddy / fastcluster wall times, and beside them the ratios of process CPU times
(Python: time.process_time; Java: the whole process, compiler and collector threads
included, in steps of 10 ms), which a loaded machine distorts less. Each figure is the best
of the rounds and, on the fastcluster side, of its two paths. The load average (uptime) is printed before and
after each case; the machine is shared.
"""
import json
import os
import subprocess
import sys
import time

MASK = (1 << 64) - 1
ALL = ["single", "complete", "average", "weighted", "ward", "centroid", "median"]
VECTOR = {"single", "ward", "centroid", "median"}
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


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


def child(n, method, vector, runs):
    import fastcluster
    from scipy.cluster.hierarchy import fcluster
    x = data(n, 8)
    f = fastcluster.linkage_vector if vector else fastcluster.linkage

    def once():
        c = time.process_time()
        t = time.perf_counter()
        z = f(x, method=method)
        fcluster(z, 10, criterion="maxclust")
        return time.perf_counter() - t, time.process_time() - c, z

    cold, cold_cpu, z = once()
    rest = [once() for _ in range(runs)]
    print(json.dumps({"cold_s": cold, "warm_s": min(r[0] for r in rest), "cold_cpu_s": cold_cpu,
                      "warm_cpu_s": min(r[1] for r in rest), "top": float(z[-1, 2])}))


KEYS = ["cold_s", "warm_s", "cold_cpu_s", "warm_cpu_s"]


def figure(r, key):
    """A figure of one side; cold_main_cpu_s exists only on Eddy's side (the fitting thread)."""
    return r.get(key, float("nan"))


def better(old, new):
    """The better of two measurements, figure by figure."""
    if old is None:
        return dict(new)
    out = {k: min(old[k], new[k]) for k in KEYS}
    if "cold_main_cpu_s" in new:
        out["cold_main_cpu_s"] = min(figure(old, "cold_main_cpu_s"), new["cold_main_cpu_s"])
    out["top"] = new["top"]
    return out


def load():
    return os.getloadavg()


def run_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1", int(sys.argv[5]))
        return
    ns = [int(a) for a in sys.argv[1:]] or [5000]
    methods = os.environ.get("HIER_METHODS", ",".join(ALL)).split(",")
    java = os.environ.get("HIER_JAVA", "java")
    jar = os.environ.get("HIER_JAR", os.path.join(ROOT, "benchmarks", "target", "benchmarks.jar"))
    storage = os.environ.get("HIER_STORAGE", "auto")
    threads = os.environ.get("HIER_THREADS", "0")
    rounds = int(os.environ.get("HIER_ROUNDS", "1"))
    jopts = os.environ.get("HIER_JAVA_OPTS", "").split()
    sides = [("eddy", jar)]
    if os.environ.get("HIER_JAR_BEFORE"):
        sides.append(("before", os.environ["HIER_JAR_BEFORE"]))
    print("| n | method | fastcluster path (warm) | fc cold s | fc warm s | Eddy cold s | Eddy warm s"
          " | cold ratio | warm ratio | CPU cold ratio | CPU warm ratio | Eddy cold CPU s: all / fitting thread"
          " | load before/after |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for n in ns:
        runs = int(os.environ.get("HIER_RUNS", "5" if n <= 5000 else "2"))
        for method in methods:
            best = {}
            la0 = load()[0]
            for rnd in range(rounds):
                paths = [False, True] if method in VECTOR else [False]
                if method in VECTOR and os.environ.get("HIER_FC_VECTOR_ONLY") == "1":
                    paths = [True]
                for vector in paths:
                    r = run_json([sys.executable, __file__, "--child", str(n), method,
                                  "1" if vector else "0", str(runs)])
                    key = "linkage_vector" if vector else "linkage"
                    best[key] = better(best.get(key), r)
                for side, side_jar in (sides if rnd % 2 == 0 else sides[::-1]):
                    e = run_json([java, "-Xmx6g"] + jopts + ["-cp", side_jar, "io.eddy.benchmarks.hier.HierCompare",
                                  str(n), method, storage, str(runs), threads])
                    best[side] = better(best.get(side), e)
            la1 = load()[0]
            eddy = {side: best.pop(side) for side, _ in sides}
            path = min(best, key=lambda k: best[k]["warm_s"])
            fc = None
            for v in best.values():
                fc = better(fc, v)
            for side, _ in sides:
                e = eddy[side]
                if abs(fc["top"] - e["top"]) > 1e-9 * abs(fc["top"]):
                    print("top heights differ: fastcluster %r, Eddy %r" % (fc["top"], e["top"]), file=sys.stderr)
                print("| %d | %s | %s | %.3f | %.3f | %.3f | %.3f | **%.2f** | **%.2f** | %.2f | %.2f | %.2f / %.2f"
                      " | %.1f / %.1f |" % (
                    n, method if side == "eddy" else method + ", before", path, fc["cold_s"], fc["warm_s"],
                    e["cold_s"], e["warm_s"], e["cold_s"] / fc["cold_s"], e["warm_s"] / fc["warm_s"],
                    e["cold_cpu_s"] / max(fc["cold_cpu_s"], 1e-3), e["warm_cpu_s"] / max(fc["warm_cpu_s"], 1e-3),
                    e["cold_cpu_s"], figure(e, "cold_main_cpu_s"), la0, la1), flush=True)


if __name__ == "__main__":
    main()
