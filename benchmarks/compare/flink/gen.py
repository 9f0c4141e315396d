# Planted 8-d blobs for the Flink scale runs: python3 gen.py N FILE
import random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
centers = [[rng.uniform(-10, 10) for _ in range(8)] for _ in range(8)]
with open(path, "w") as f:
    f.write("id," + ",".join("f%d" % i for i in range(8)) + "\n")
    for i in range(n):
        c = centers[rng.randrange(8)]
        f.write("%d,%s\n" % (i, ",".join("%.4f" % (v + rng.gauss(0, 0.7)) for v in c)))
