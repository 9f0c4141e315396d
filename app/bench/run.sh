#!/usr/bin/env bash
# Time to result of the eddy command line against the plain library call, side by side in one
# run: cold (a fresh JVM per run; wall and CPU = user + sys from /usr/bin/time) and warm
# (alternating in one JVM). "launcher" is app/target/eddy, the jar with its class-data archive.
# With BASE=path/to/an/older/eddy.jar, that jar's app runs beside the current one. Outside the
# build:
#   ./mvnw -q -B package -DskipTests && [BASE=old-eddy.jar] app/bench/run.sh MALL.csv
set -euo pipefail
cd "$(dirname "$0")/../.."
MALL=${1:?usage: run.sh path/to/mall_customers.csv}
JAR=app/target/eddy.jar
BASE=${BASE:-}
OUT=$(mktemp -d)
javac -nowarn -cp $JAR -d "$OUT/classes" app/bench/TimeToResult.java
java -cp $JAR:"$OUT/classes" TimeToResult gen "$OUT/big.csv" 200000 16
BIG_COLS=$(head -1 "$OUT/big.csv")
MALL_COLS="Annual Income (k\$),Spending Score (1-100)"
# prints "wall s, cpu s" of one command
measure() { /usr/bin/time -f "%e s wall, %U+%S s cpu" "$@" 2>&1 >/dev/null | tail -1; }
uptime
for name in mall big; do
  if [ $name = mall ]; then F=$MALL; C=$MALL_COLS; K=5; reps=3; else F="$OUT/big.csv"; C=$BIG_COLS; K=8; reps=2; fi
  for i in $(seq $reps); do
    echo "$name cold $i library:        $(measure java -cp $JAR:"$OUT/classes" TimeToResult library "$F" $K "$C")"
    echo "$name cold $i app:            $(measure java -jar $JAR segment "$F" --columns "$C" --param k=$K --out "$OUT/o" -q)"
    echo "$name cold $i app no charts:  $(measure java -jar $JAR segment "$F" --columns "$C" --param k=$K --out "$OUT/n" -q --no-charts)"
    echo "$name cold $i launcher:       $(measure app/target/eddy segment "$F" --columns "$C" --param k=$K --out "$OUT/l" -q)"
    echo "$name cold $i launcher no ch.: $(measure app/target/eddy segment "$F" --columns "$C" --param k=$K --out "$OUT/m" -q --no-charts)"
    if [ -n "$BASE" ]; then
      echo "$name cold $i base app:       $(measure java -jar "$BASE" segment "$F" --columns "$C" --param k=$K --out "$OUT/b" -q)"
    fi
  done
  java -cp $JAR:"$OUT/classes" TimeToResult warm "$F" $K "$C" $((reps * 2)) "$OUT/w" | tail -1 | sed "s/^/$name app: /"
  if [ -n "$BASE" ]; then
    javac -nowarn -cp "$BASE" -d "$OUT/base-classes" app/bench/TimeToResult.java
    java -cp "$BASE":"$OUT/base-classes" TimeToResult warm "$F" $K "$C" $((reps * 2)) "$OUT/w" | tail -1 \
        | sed "s/^/$name base app: /"
  fi
  uptime
done
rm -rf "$OUT"
