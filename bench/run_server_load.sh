#!/usr/bin/env bash
# Load test of `dateline serve` on loopback (issue 15): wrk, 32 connections,
# 20 s per endpoint, each connection cycling through ~100-200 different
# requests drawn from the archive itself (entity names as search words and
# speakers, actor codes and pairs, CAMEO roots, entity name filters), so the
# figures are not those of one URL. Prints per endpoint req/s, p50, p99,
# errors (socket errors + non-2xx), and the server's RSS after a warm-up pass
# and at the end. Then the slow-query check: the 120-term prefix query of the
# issue, sent in a loop beside the events load, must come back 503 within its
# budget while events keep their latency.
#   bench/run_server_load.sh [ARCHIVE]      # default: the archive bench's
#   CACHE_MB=0 bench/run_server_load.sh      # without the answer cache
#   SECONDS_PER=20 CONNS=32 BUILD=build bench/run_server_load.sh
# The archive: bench/run_archive_bench.sh builds it (BBC + Reuters, 19,393
# articles) at /tmp/dateline_archive_bench.db.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${BUILD:-build}"
DB="${1:-/tmp/dateline_archive_bench.db}"
SECS="${SECONDS_PER:-20}"
CONNS="${CONNS:-32}"
CACHE_MB="${CACHE_MB:-64}"
TIMEOUT_MS="${TIMEOUT_MS:-1000}"
MAX_QUERIES="${MAX_QUERIES:-8}"
[ -f "$DB" ] || { echo "run_server_load: no archive at $DB (run bench/run_archive_bench.sh)" >&2; exit 2; }
for tool in wrk jq curl; do
  if ! command -v "$tool" >/dev/null; then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get install -y -qq --no-install-recommends wrk jq curl >/dev/null
    break
  fi
done
tmp="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
"$BUILD/dateline" serve --archive "$DB" --port "$port" --cache-mb "$CACHE_MB" \
  --query-timeout-ms "$TIMEOUT_MS" --max-queries "$MAX_QUERIES" 2> "$tmp/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 50); do curl -sf "$base/api/stats" >/dev/null && break; sleep 0.1; done
rss() { awk '/VmRSS/ {print $2 / 1024 " MB"}' "/proc/$pid/status"; }

# The request lists, from the archive.
api() { curl -sf "$base/api/$1"; }
api "entities?limit=200" | jq -r '.rows[].name | @uri' > "$tmp/names"
api "entities?type=PER&limit=150" | jq -r '.rows[].name | @uri' > "$tmp/people"
sed 's|^|/api/search?q=|' "$tmp/names" > "$tmp/search"
printf '%s\n' "/api/search?q=U.S." "/api/search?q=oil-prices" "/api/search?q=AT%26T" \
  "/api/search?q=100%25" "/api/search" "/api/search?sort=-date&q=bank" >> "$tmp/search"
sed 's|^|/api/quotes?speaker=|' "$tmp/people" > "$tmp/quotes"
api "network?level=actor&limit=300" > "$tmp/net"
jq -r '.nodes[].id' "$tmp/net" | sed 's|^|/api/events?actor=|' > "$tmp/events"
jq -r '.edges[:100][] | "/api/events?actor=\(.source)&actor=\(.target)"' "$tmp/net" >> "$tmp/events"
for r in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20; do
  echo "/api/events?code=$r" >> "$tmp/events"
done
{ for t in PER ORG LOC MISC; do echo "/api/entities?type=$t"; done
  echo "/api/entities"
  sed -n '1,150s|^|/api/entities?name=|p' "$tmp/names"; } > "$tmp/entities"
echo "requests: $(wc -l < "$tmp/search") search, $(wc -l < "$tmp/events") events, $(wc -l < "$tmp/quotes") quotes, $(wc -l < "$tmp/entities") entities; cache ${CACHE_MB} MB; budget ${TIMEOUT_MS} ms; ${MAX_QUERIES} queries at once"

run() {  # run ENDPOINT SECONDS -> the LOAD line
  URLS="$tmp/$1" wrk -t2 -c"$CONNS" -d"$2s" --timeout 5s -s bench/load/urls.lua "$base" | grep '^LOAD'
}
# Warm-up: every list once over, briefly.
for e in search events quotes entities; do run "$e" 3 >/dev/null; done
echo "rss after warm-up: $(rss)"
printf '%-9s %s\n' endpoint result
for e in search events quotes entities; do
  printf '%-9s %s\n' "$e" "$(run "$e" "$SECS")"
done
echo "rss at the end:    $(rss)"

# The slow query beside the events load.
letters=(a b c d e f g h i j k l m n o p q r s t u v w x y z)
slow="/api/search?advanced=1&q=$(for i in $(seq 0 118); do printf '%s*%%20OR%%20' "${letters[$((i % 26))]}"; done)zz*"
(
  end=$((SECONDS + SECS))
  while [ $SECONDS -lt $end ]; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$base$slow"
  done
) > "$tmp/slow" &
slowpid=$!
printf '%-9s %s\n' "events+slow" "$(run events "$SECS")"
wait $slowpid
awk '{n++; c[$1]++; if ($2 > max) max = $2} END {
  printf "slow query: %d sent, ", n; for (k in c) printf "%s x%d ", k, c[k];
  printf "slowest %.3f s\n", max }' "$tmp/slow"
