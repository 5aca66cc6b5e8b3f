#!/usr/bin/env bash
# Session 11 quiet-machine runs: issue 3 (update, read) and issue 6 (stream floors).
cd /tmp/b11
out=/tmp/b11/results; mkdir -p $out
run() { name=$1; shift; echo "== $name  load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $out/load.txt; "$@" > $out/$name.log 2>&1; echo "   end load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a $out/load.txt; }
run jmh-update java -jar benchmarks.jar 'FeatureUpdateBenchmark' -p historyDays=1 -p streamSize=2000000 -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff $out/jmh-update.json
run jmh-read java -jar benchmarks.jar 'FeatureReadBenchmark.featuresFor' -bm sample -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff $out/jmh-read.json
for f in shape decode; do
  for n in 10000 3000000; do
    run floor-$f-$n java -Xmx8g -Daml.bench.floor=$f -cp "benchmarks.jar:lib/*" io.amlmonitor.bench.StreamJobLoad $n 2
  done
done
echo done >> $out/load.txt
