#!/bin/sh
# Runs MOA 2024.07.0's DenStream and Eddy's side by side on the DriftingMixture stream.
# MOA is GPL: it is downloaded to /tmp and run as a yardstick, never part of the build.
# Usage (from anywhere): benchmarks/compare/denstream/run.sh [n moaEpsilon mu beta lambda eddyEpsilon]
set -eu
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
LIB=${MOA_LIB:-/tmp/moa-denstream}
JAR="$LIB/moa-2024.07.0.jar"
mkdir -p "$LIB"
[ -f "$JAR" ] || curl -sSf -o "$JAR" \
  "https://repo1.maven.org/maven2/nz/ac/waikato/cms/moa/moa/2024.07.0/moa-2024.07.0.jar"
BENCH="$ROOT/benchmarks/target/benchmarks.jar"
[ -f "$BENCH" ] || (cd "$ROOT" && ./mvnw -q -B -pl benchmarks -am package -DskipTests)
OUT=$(mktemp -d)
javac -nowarn -cp "$BENCH:$JAR" -d "$OUT" "$ROOT/benchmarks/compare/denstream/MoaDenStreamDrift.java" \
  "$ROOT/benchmarks/compare/density/MoaDenStreamCompare.java"
uptime
java -cp "$OUT:$BENCH:$JAR" MoaDenStreamDrift "$@" 2>&1 | grep -v "microclusters which are not clustered"
uptime
