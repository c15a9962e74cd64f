#!/usr/bin/env bash
# Ingest throughput, same inputs, one run: `dateline ingest` (one process, all
# cores) beside the Dask ingest (python/dateline/dask.py) on a LocalCluster of
# 1 and 2 single-threaded workers, each into a fresh SQLite archive. Prints
# pages/s and the ratio to the single process. Default input: the 181 AEB
# HTML pages (a directory of the shared datasets).
#   bench/run_dask_bench.sh [INPUT...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
inputs=("$@")
[ ${#inputs[@]} -gt 0 ] || inputs=(../shared/datasets/scrapinghub-aeb/html)
/usr/bin/python3 -c 'import distributed' 2>/dev/null || { echo "run_dask_bench: needs python3-distributed" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
t0=$(date +%s.%N)
"$BUILD/dateline" ingest -q --archive "$tmp/cli.db" "${inputs[@]}" 2> "$tmp/cli.log" || true
t1=$(date +%s.%N)
pages=$(grep -oE '^ingest: [0-9]+ pages' "$tmp/cli.log" | grep -oE '[0-9]+' || echo 0)
cli_rate=$(echo "$pages / ($t1 - $t0)" | bc -l)
printf 'dateline ingest (1 process, %d cores): %d pages, %.1f pages/s\n' "$(nproc)" "$pages" "$cli_rate"
for n in 1 2; do
  s0=$(date +%s.%N)
  PYTHONPATH="$BUILD/python" /usr/bin/python3 -m dateline.dask ingest -q --scheduler "local:$n" \
    --archive "$tmp/dask$n.db" "${inputs[@]}" 2> "$tmp/dask$n.log" || true
  s1=$(date +%s.%N)
  rate=$(echo "$pages / ($s1 - $s0)" | bc -l)
  printf 'dask ingest, %d worker(s) (incl. cluster start): %.1f pages/s, %.2fx the single process; %s\n' \
    "$n" "$rate" "$(echo "$rate / $cli_rate" | bc -l)" "$(grep '^dask ingest:' "$tmp/dask$n.log" | tail -1)"
done
