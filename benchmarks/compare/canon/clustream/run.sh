#!/bin/sh
# Regenerates online/src/test/resources/clustream/moa_clustream_1d.csv from MOA 2024.07.0.
# MOA is GPL: it is downloaded to /tmp and run here as an oracle, never part of the build.
set -eu
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
LIB=${MOA_LIB:-/tmp/moa-clustream}
mkdir -p "$LIB"
for a in nz/ac/waikato/cms/moa/moa/2024.07.0/moa-2024.07.0.jar; do
  [ -f "$LIB/$(basename $a)" ] || curl -sSf -o "$LIB/$(basename $a)" "https://repo1.maven.org/maven2/$a"
done
CP="$LIB/moa-2024.07.0.jar"
OUT=$(mktemp -d)
javac -nowarn -cp "$CP" -d "$OUT" "$ROOT/benchmarks/compare/canon/clustream/MoaCluStreamFixture.java"
mkdir -p "$ROOT/online/src/test/resources/clustream"
java -cp "$OUT:$CP" MoaCluStreamFixture "$ROOT/online/src/test/resources/clustream/moa_clustream_1d.csv"
