#!/bin/sh
# Usage: moa-fixture.sh SOURCE.java MAINCLASS OUTPUT
# Compiles one fixture program against MOA 2024.07.0 and runs it, writing OUTPUT (relative to the
# repository root). MOA is GPL: it is downloaded to /tmp and run as an oracle, never part of the
# build; only the fixture it writes is committed.
set -eu
ROOT=$(cd "$(dirname "$0")/../../../.." && pwd)
LIB=${MOA_LIB:-/tmp/moa-clustream}
JAR="$LIB/moa-2024.07.0.jar"
mkdir -p "$LIB"
[ -f "$JAR" ] || curl -sSf -o "$JAR" \
  "https://repo1.maven.org/maven2/nz/ac/waikato/cms/moa/moa/2024.07.0/moa-2024.07.0.jar"
OUT=$(mktemp -d)
javac -nowarn -cp "$JAR" -d "$OUT" "$1"
mkdir -p "$(dirname "$ROOT/$3")"
java -cp "$OUT:$JAR" "$2" "$ROOT/$3"
