#!/usr/bin/env bash
set -u
out=/work/wt-read/bench/results-6
load() { echo "$(date +%H:%M:%S) $1 $(uptime)" >> "$out/load.txt"; }
read_args=(-bm sample -f 1 -wi 3 -w 2s -i 5 -r 2s)
for k in 4 5 6; do
  for v in base final; do
    load "read featuresFor $v $k"
    java -jar /tmp/rs/$v/benchmarks.jar 'FeatureReadBenchmark.featuresFor' "${read_args[@]}" -rf json -rff "$out/jmh-read-$v-$k.json" > "$out/jmh-read-$v-$k.log" 2>&1
  done
done
load "done b"
