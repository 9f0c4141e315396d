#!/usr/bin/env bash
# Time to result of the eddy command line against the plain library call, cold (a fresh JVM
# per run, wall time measured outside) and warm (alternating in one JVM). Outside the build:
#   ./mvnw -q -B package -DskipTests && app/bench/run.sh MALL.csv
set -euo pipefail
cd "$(dirname "$0")/../.."
MALL=${1:?usage: run.sh path/to/mall_customers.csv}
JAR=app/target/eddy.jar
OUT=$(mktemp -d)
javac -nowarn -cp $JAR -d "$OUT/classes" app/bench/TimeToResult.java
java -cp $JAR:"$OUT/classes" TimeToResult gen "$OUT/big.csv" 200000 16
BIG_COLS=$(head -1 "$OUT/big.csv")
MALL_COLS="Annual Income (k\$),Spending Score (1-100)"
wall() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
uptime
for name in mall big; do
  if [ $name = mall ]; then F=$MALL; C=$MALL_COLS; K=5; else F="$OUT/big.csv"; C=$BIG_COLS; K=8; fi
  reps=3; [ $name = big ] && reps=2
  for i in $(seq $reps); do
    lib=$(wall java -cp $JAR:"$OUT/classes" TimeToResult library "$F" $K "$C")
    app=$(wall java -jar $JAR segment "$F" --columns "$C" --param k=$K --out "$OUT/o" -q)
    echo "$name cold run $i: library ${lib} ms, app ${app} ms (fresh JVMs, wall)"
  done
  if [ ! -f "$OUT/eddy.jsa" ]; then
    java -XX:ArchiveClassesAtExit="$OUT/eddy.jsa" -jar $JAR segment "$MALL" --columns "$MALL_COLS" \
        --param k=5 --out "$OUT/o" -q > /dev/null 2>&1
  fi
  for i in $(seq $reps); do
    cds=$(wall java -XX:SharedArchiveFile="$OUT/eddy.jsa" -jar $JAR segment "$F" --columns "$C" --param k=$K \
        --out "$OUT/o" -q)
    echo "$name cold run $i with the AppCDS archive: app ${cds} ms"
  done
  java -cp $JAR:"$OUT/classes" TimeToResult warm "$F" $K "$C" $((reps * 2)) "$OUT/w" | sed "s/^/$name /"
done
uptime
rm -rf "$OUT"
