#!/usr/bin/env bash
# Throughput of the Flink job at parallelism 1, 2 and 4, side by side in one run:
#   benchmarks/compare/flink/scale.sh [N]     (after ./mvnw -pl flink -am package -DskipTests)
# Each run is a fresh JVM with a local mini-cluster; the small run measures the fixed cost
# (JVM, mini-cluster, job submission), so events/s = (N - n) / (t_N - t_n). The same difference
# of the runs' CPU time (user + system, all threads, /usr/bin/time) gives the CPU cost per
# event, which a shared machine's load inflates far less than the wall time.
set -euo pipefail
cd "$(dirname "$0")/../../.."
N=${1:-1000000}
JAR=${JAR:-flink/target/eddy-flink-job.jar}
n=10000
tmp=$(mktemp -d)
python3 benchmarks/compare/flink/gen.py "$N" "$tmp/big.csv"
python3 benchmarks/compare/flink/gen.py "$n" "$tmp/small.csv"
echo "load: $(uptime)"
for p in 1 2 4; do
  for f in small big; do
    s=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$tmp/cpu" java -Xmx2g -jar "$JAR" --input "$tmp/$f.csv" --id-column id \
      --algorithm sequential-kmeans --param k=8 --parallelism $p --merge-every 100000 \
      --out "$tmp/out-$p-$f" 2>/dev/null | grep -v '^read'
    e=$(date +%s.%N)
    cpu=$(awk '{print $1 + $2}' "$tmp/cpu")
    echo "p=$p $f: $(echo "$e - $s" | bc) s, CPU $cpu s"
    if [ "$f" = small ]; then t_small=$(echo "$e - $s" | bc); c_small=$cpu; else t_big=$(echo "$e - $s" | bc); c_big=$cpu; fi
  done
  echo "p=$p: $(echo "($N - $n) / ($t_big - $t_small)" | bc) events/s," \
    "$(echo "scale=2; ($c_big - $c_small) * 1000000 / ($N - $n)" | bc) CPU us/event"
done
echo "load: $(uptime)"
rm -rf "$tmp"
