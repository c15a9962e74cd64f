#!/usr/bin/env bash
# The archive benchmark: ingests all of bbc-news and reuters21578 (the two
# tarballs as they are, through the whole pipeline) into a fresh archive and
# prints pages/s, articles/s, peak memory (/usr/bin/time -v) and the archive
# size; then `dateline extract` over the same inputs to /dev/null (the
# pipeline without the archive) for comparison; then query latency on the
# archive (bench/query_latency_eval.cc) over the events the pipeline coded.
#   bench/run_archive_bench.sh            # from the repo root, build/ built
#   BUILD=out DATA=/path/to/datasets DB=/tmp/x.db bench/run_archive_bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
DATA="${DATA:-../shared/datasets}"
DB="${DB:-/tmp/dateline_archive_bench.db}"
INPUTS=("$DATA/bbc-news/bbc-fulltext.tar.gz"
        "$DATA/reuters21578/reuters21578-distribution-1.0.tar.gz")
for f in "${INPUTS[@]}"; do
  [ -f "$f" ] || { echo "run_archive_bench: missing $f" >&2; exit 2; }
done
rm -f "$DB" "$DB-wal" "$DB-shm"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
load="$(cut -d' ' -f1 /proc/loadavg)"
/usr/bin/time -v -o "$tmp/time" "$BUILD/dateline" ingest -q --archive "$DB" \
  "${INPUTS[@]}" 2> "$tmp/out"
cat "$tmp/out" >&2
line="$(grep '^ingest:' "$tmp/out")"
pages="$(sed -E 's/^ingest: ([0-9]+) pages.*/\1/' <<<"$line")"
added="$(sed -E 's/.*: ([0-9]+) added.*/\1/' <<<"$line")"
errors="$(sed -E 's/.* ([0-9]+) errors.*/\1/' <<<"$line")"
wall="$(grep 'Elapsed (wall clock)' "$tmp/time" | sed -E 's/.*: //')"
secs="$(awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$wall")"
rss="$(grep 'Maximum resident set size' "$tmp/time" | sed -E 's/.*: //')"
size="$(du -cb "$DB" "$DB-wal" 2>/dev/null | tail -1 | cut -f1)"
/usr/bin/time -v -o "$tmp/time2" "$BUILD/dateline" extract "${INPUTS[@]}" \
  > /dev/null 2> /dev/null || true
wall2="$(grep 'Elapsed (wall clock)' "$tmp/time2" | sed -E 's/.*: //')"
secs2="$(awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$wall2")"
fmt='{"pages":%d,"articles_added":%d,"page_errors":%d,"seconds":%.1f,"pages_per_s":%.0f,"articles_per_s":%.0f,"peak_rss_mb":%.0f,"archive_mb":%.1f,"extract_only_seconds":%.1f,"cores":%d,"load_before":%s}\n'
awk -v f="$fmt" -v p="$pages" -v a="$added" -v e="$errors" -v s="$secs" \
    -v r="$rss" -v z="$size" -v s2="$secs2" -v l="$load" -v c="$(nproc)" \
    'BEGIN { printf(f, p, a, e, s, p / s, a / s, r / 1024, z / 1048576, s2, c, l) }'
"$BUILD/query_latency_eval" --archive "$DB"
