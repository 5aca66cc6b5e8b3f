#!/usr/bin/env bash
# aml import throughput, as docs/benchmarks.md reports it: the AMLSim sample and a generated
# dataset, each into a fresh embedded database and a fresh PostgreSQL schema, then the same file
# again (every row already present). Rates are the command's own (rows read / time reading and
# saving, after start-up and migrations); "wall" is the whole command.
# Usage: bench/import-rate.sh [results-dir]   (from the repository root)
# Settings: ROUNDS (3), AMLSIM (the 20K_cycle200 sample), POSTGRES_HOST/PORT/DB/USER (127.0.0.1,
# 5432, test, postgres), TARGETS ("embedded postgres").
set -euo pipefail

out="${1:-bench/results-import}"
rounds="${ROUNDS:-3}"
amlsim="${AMLSIM:-../shared/data/amlsim-samples/20K_cycle200/transactions.csv}"
pg_host="${POSTGRES_HOST:-127.0.0.1}" pg_port="${POSTGRES_PORT:-5432}"
pg_db="${POSTGRES_DB:-test}" pg_user="${POSTGRES_USER:-postgres}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -pl app -am package


generated="$work/generated/transactions.csv"
java -Xmx2g -jar app/target/aml.jar generate --customers 20000 --days 30 --seed 42 --out "$work/generated" >/dev/null

amlsim_args=(--mapping sourceNodeId=customer_id,targetNodeId=counterparty_id,value=amount,time=timestamp
  --time-unit day --epoch 2017-01-01)

# import TARGET LABEL FILE ARGS...: one round, new rows then the same rows again.
import_round() {
  local target="$1" label="$2" file="$3"
  shift 3
  local data="$work/data-$RANDOM" schema="aml_bench_import_$RANDOM"
  local store=(AML_DATA_DIR="$data")
  if [ "$target" = postgres ]; then
    store+=(POSTGRES_HOST="$pg_host" POSTGRES_PORT="$pg_port" POSTGRES_DB="$pg_db"
      POSTGRES_USER="$pg_user" POSTGRES_SCHEMA="$schema")
  fi
  for pass in new again; do
    local start end line
    start=$(date +%s.%N)
    line=$(env "${store[@]}" java -Xmx2g -jar app/target/aml.jar import "$file" "$@" 2>/dev/null \
      | grep -E '^Read ')
    end=$(date +%s.%N)
    printf '%-9s %-9s %-5s load %-5s wall %5.1f s | %s\n' "$target" "$label" "$pass" \
      "$(cut -d' ' -f1 /proc/loadavg)" "$(echo "$end - $start" | bc)" "$line"
  done
  if [ "$target" = postgres ]; then
    psql -q -h "$pg_host" -p "$pg_port" -U "$pg_user" -d "$pg_db" \
      -c "SET client_min_messages = warning" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
  fi
  rm -rf "$data"
}

for target in ${TARGETS:-embedded postgres}; do
  for r in $(seq 1 "$rounds"); do
    import_round "$target" amlsim "$amlsim" "${amlsim_args[@]}"
    import_round "$target" generated "$generated"
  done
done | tee "$out/import-rate.log"
