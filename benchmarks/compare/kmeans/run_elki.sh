#!/bin/sh
# ELKI 0.8.0 side of the k-means comparison (one thread), on the data sklearn_side.py wrote.
#   sh benchmarks/compare/kmeans/run_elki.sh [repeats] [maxiter]   (from the repository root)
# maxiter 30 does the work of scikit-learn's and Eddy's 29 iterations (ELKI has no tolerance);
# maxiter 300 lets ELKI run until no point moves (222 iterations from the given centers).
set -e
REPEATS=${1:-7}
MAXITER=${2:-30}
DIR=/tmp/eddy-kmeans-compare
CP=/tmp/elki-cp.txt
./mvnw -q -B -o -f benchmarks/compare/gmm/elki-pom.xml dependency:build-classpath -Dmdep.outputFile="$CP"
java -cp "$(cat "$CP")" benchmarks/compare/kmeans/ElkiKMeans.java "$DIR" "$REPEATS" "$MAXITER"
uptime
