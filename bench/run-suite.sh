#!/usr/bin/env bash
# Runs the benchmark suite as docs/benchmarks.md reports it; about 10 minutes on 2 cores.
# Usage: bench/run-suite.sh [results-dir]   (from the repository root; run nothing else meanwhile)
set -euo pipefail

out="${1:-bench/results}"
mkdir -p "$out"
./mvnw -q -pl bench -am package -DskipTests

jar=bench/target/benchmarks.jar
short=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
# Longer warm-up for the rules (CEL interpreter): a safety margin; with the heap pre-touched the
# first warm-up iteration was already at speed.
scoring=(-f 1 -wi 5 -w 4s -i 5 -r 2s)

run() {
  local name="$1"
  shift
  java -jar "$jar" "$@" -rf json -rff "$out/$name.json" | tee "$out/$name.log"
}

run update FeatureUpdateBenchmark "${short[@]}"
run read FeatureReadBenchmark "${short[@]}"
run update-and-read UpdateAndReadBenchmark "${short[@]}"
run scoring-thrpt ScoringBenchmark "${scoring[@]}" -bm thrpt -tu s
run scoring-sample ScoringBenchmark "${scoring[@]}" -bm sample -tu us

cp="$jar:bench/target/lib/*"
java -Xmx2g -cp "$cp" io.amlmonitor.bench.MemoryFootprint 1000000 1 | tee "$out/memory-1m-1d.log"
java -Xmx4g -cp "$cp" io.amlmonitor.bench.MemoryFootprint 100000 7 | tee "$out/memory-100k-7d.log"
