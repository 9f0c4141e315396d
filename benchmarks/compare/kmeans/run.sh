#!/bin/sh
# Side-by-side k-means comparison of Eddy and scikit-learn 1.2 on the same data and machine.
# Rounds alternate between the two so that both see the same background load; each round runs
# both with all cores, then both with one thread.
#   sh benchmarks/compare/kmeans/run.sh [rounds] [repeats]   (from the repository root)
set -e
ROUNDS=${1:-1}
REPEATS=${2:-3}
DIR=/tmp/eddy-kmeans-compare
./mvnw -q -B -o -pl benchmarks -am package -DskipTests
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r: scikit-learn, all cores"; /usr/bin/python3 benchmarks/compare/kmeans/sklearn_side.py "$DIR" "$REPEATS"
  echo "== round $r: Eddy, all cores"; java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.kmeans.SklearnComparison "$DIR" "$REPEATS"
  echo "== round $r: scikit-learn, one thread"; OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/compare/kmeans/sklearn_side.py "$DIR" "$REPEATS"
  echo "== round $r: Eddy, one thread"; java -Deddy.parallelism=1 -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.kmeans.SklearnComparison "$DIR" "$REPEATS"
  uptime
done
