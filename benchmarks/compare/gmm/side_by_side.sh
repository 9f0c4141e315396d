#!/bin/sh
# Alternates Eddy and scikit-learn EM-iteration timings so that both meet the same machine
# load. Run from the repository root after
#   ./mvnw -q -B -o -pl benchmarks -am package -DskipTests
# Usage: benchmarks/compare/gmm/side_by_side.sh [rounds]
rounds=${1:-3}
jar=benchmarks/target/benchmarks.jar
for r in $(seq 1 "$rounds"); do
  echo "round $r  $(uptime | sed 's/.*load/load/')"
  java -cp "$jar" io.eddy.benchmarks.gmm.EmIterationTiming 1 20
  java -cp "$jar" io.eddy.benchmarks.gmm.EmIterationTiming 2 20
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 /usr/bin/python3 benchmarks/compare/gmm/sklearn_em.py --repeat 20 | sed 's/^/sklearn BLAS threads=1: /'
  /usr/bin/python3 benchmarks/compare/gmm/sklearn_em.py --repeat 20 | sed 's/^/sklearn BLAS threads=default: /'
done
