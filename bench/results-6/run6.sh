#!/usr/bin/env bash
# Session 6 measurements: base = main at 9a748ff, final = branch read-speed; jars copied to /tmp/rs/{base,final}
set -u
out=/work/wt-read/bench/results-6
mkdir -p "$out"
load() { echo "$(date +%H:%M:%S) $1 $(uptime)" >> "$out/load.txt"; }
read_args=(-bm sample -f 1 -wi 3 -w 2s -i 5 -r 2s)
for k in 1 2 3; do
  for v in base final; do
    load "read featuresFor $v $k"
    java -jar /tmp/rs/$v/benchmarks.jar 'FeatureReadBenchmark.featuresFor' "${read_args[@]}" -rf json -rff "$out/jmh-read-$v-$k.json" > "$out/jmh-read-$v-$k.log" 2>&1
  done
done
for v in base final; do
  load "read customerFeatures $v"
  java -jar /tmp/rs/$v/benchmarks.jar 'FeatureReadBenchmark.customerFeatures' "${read_args[@]}" -rf json -rff "$out/jmh-read-customer-$v.json" > "$out/jmh-read-customer-$v.log" 2>&1
done
for v in base final; do
  load "read featuresFor THP $v"
  java -jar /tmp/rs/$v/benchmarks.jar 'FeatureReadBenchmark.featuresFor' "${read_args[@]}" -jvmArgsAppend -XX:+UseTransparentHugePages -rf json -rff "$out/jmh-read-thp-$v.json" > "$out/jmh-read-thp-$v.log" 2>&1
done
for v in base final; do
  load "update $v"
  java -jar /tmp/rs/$v/benchmarks.jar FeatureUpdateBenchmark -p historyDays=1 -p streamSize=2000000 -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$out/jmh-update-$v.json" > "$out/jmh-update-$v.log" 2>&1
done
load "in-process A/B"
java -Xms10g -Xmx10g -XX:+AlwaysPreTouch -cp /tmp/rs/ab/classes ab.ReadAB 6 /tmp/rs/base /tmp/rs/final > "$out/ab-read.txt" 2>&1
load "memory"
java -Xmx2g -cp "/tmp/rs/final/benchmarks.jar:/tmp/rs/final/lib/*" io.amlmonitor.bench.MemoryFootprint 1000000 1 > "$out/memory-1m-1d-final.log" 2>&1
load "done"
