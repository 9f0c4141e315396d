"""Reference model of Eddy's DBSTREAM update and cleanup (Hahsler & Bolanos 2016,
Algorithms 1 and 2) on 1-D input, written from the paper to check the 1-D fixture of River's
test_dbstream.py.

With strict=True (River's `dist < r`) it reproduces River 0.26's micro-clusters exactly:
centres 3, 11, 15, 17 updated at 4, 13, 15, 19. With strict=False (Eddy's inclusive radius,
as in R's stream package) the integer inputs at distance exactly r join their neighbours and
six micro-clusters remain; DbstreamRiverFixturesTest asserts those values.

Run: /usr/bin/python3 dbstream_reference.py  (not part of the build)
"""
import math


def run(values, r, lam, tgap, alpha, strict):
    mcs = []  # [id, centre, weight, last update]
    shared = {}
    next_id, now, next_cleanup = 0, 0, tgap
    for x in values:
        t = now
        near = [m for m in mcs if (abs(m[1] - x) < r if strict else abs(m[1] - x) <= r)]
        if not near:
            mcs.append([next_id, x, 1.0, t])
            next_id += 1
        else:
            old = {m[0]: m[1] for m in near}
            for m in near:
                m[2] = m[2] * 2 ** (-lam * (t - m[3])) + 1
                d = abs(m[1] - x)
                h = math.exp(-d * d / (2 * (r / 3) ** 2))
                m[1] = m[1] + h * (x - m[1])
                m[3] = t
            for i in range(len(near)):
                for j in range(i + 1, len(near)):
                    k = (near[i][0], near[j][0])
                    s = shared.get(k)
                    shared[k] = [1.0, t] if s is None else [s[0] * 2 ** (-lam * (t - s[1])) + 1, t]
            for i in range(len(near)):
                for j in range(i + 1, len(near)):
                    if abs(near[i][1] - near[j][1]) < r:
                        near[i][1] = old[near[i][0]]
                        near[j][1] = old[near[j][0]]
        now = t + 1
        if now >= next_cleanup:
            weak = 2 ** (-lam * tgap)
            mcs = [m for m in mcs if not m[2] * 2 ** (-lam * (now - m[3])) < weak]
            ids = {m[0] for m in mcs}
            shared = {k: v for k, v in shared.items()
                      if k[0] in ids and k[1] in ids
                      and not v[0] * 2 ** (-lam * (now - v[1])) < alpha * weak}
            next_cleanup = (math.floor(now / tgap) + 1) * tgap
    return mcs, shared


if __name__ == "__main__":
    v = [1, 2, 3, 3, 3, 5, 7, 9, 10, 11, 11, 12, 13, 11, 15, 15, 16, 17, 17, 17]
    for strict in (True, False):
        mcs, shared = run(v, 1, 0.01, 1, 0.05, strict)
        print("strict" if strict else "inclusive")
        for m in mcs:
            print("  centre", repr(m[1]), "weight", repr(m[2]), "updated", m[3])
        print("  shared", shared)
