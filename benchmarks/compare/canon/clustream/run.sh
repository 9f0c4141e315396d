#!/bin/sh
# Regenerates online/src/test/resources/clustream/moa_clustream_1d.csv from MOA 2024.07.0.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
"$HERE/moa-fixture.sh" "$HERE/MoaCluStreamFixture.java" MoaCluStreamFixture \
  online/src/test/resources/clustream/moa_clustream_1d.csv
