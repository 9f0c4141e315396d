#!/bin/sh
# Regenerates online/src/test/resources/streamkm/moa_streamkm_coreset.csv from MOA 2024.07.0.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
"$HERE/../clustream/moa-fixture.sh" "$HERE/MoaStreamKMFixture.java" MoaStreamKMFixture \
  online/src/test/resources/streamkm/moa_streamkm_coreset.csv
