#!/bin/sh
# Side-by-side k-means comparison of Eddy and scikit-learn 1.2 on the same data and machine.
# Rounds alternate between the two so that both see the same background load; each round runs
# both with all cores, then both with one thread.
#   sh benchmarks/compare/kmeans/run.sh [rounds] [repeats] [parts] [tries]   (from the repository root)
# parts and tries are passed to both sides (see sklearn_side.py); e.g. `run.sh 3 51 fit1,minibatch 3`
# times each side's default algorithm and mini-batch over 51 seeds, the fastest of 3 fits per seed.
set -e
ROUNDS=${1:-1}
REPEATS=${2:-3}
PARTS=${3:-seeding,fit,centers,minibatch}
TRIES=${4:-1}
DIR=/tmp/eddy-kmeans-compare
./mvnw -q -B -o -pl benchmarks -am package -DskipTests
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r: scikit-learn, all cores"; /usr/bin/python3 benchmarks/compare/kmeans/sklearn_side.py "$DIR" "$REPEATS" "$PARTS" "$TRIES"
  echo "== round $r: Eddy, all cores"; java -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.kmeans.SklearnComparison "$DIR" "$REPEATS" "$PARTS" "$TRIES"
  echo "== round $r: scikit-learn, one thread"; OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/compare/kmeans/sklearn_side.py "$DIR" "$REPEATS" "$PARTS" "$TRIES"
  echo "== round $r: Eddy, one thread"; java -Deddy.parallelism=1 -cp benchmarks/target/benchmarks.jar io.eddy.benchmarks.kmeans.SklearnComparison "$DIR" "$REPEATS" "$PARTS" "$TRIES"
  uptime
done
