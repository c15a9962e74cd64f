#!/usr/bin/env bash
# Clean-stage speed: dateline vs Readability.js (on linkedom), same decoded
# pages, one core each, in one run, so the figure that matters is the ratio.
#
# Usage: bench/run_clean_speed.sh [DATASET_DIR] [BUILD_DIR] [REPEAT]
#   DATASET_DIR  scrapinghub-aeb (default: ../shared/datasets/scrapinghub-aeb
#                beside the repo, else /work/shared/datasets/scrapinghub-aeb)
#   BUILD_DIR    build dir with extract_speed_eval (default: build)
#   REPEAT       passes over all pages inside each program (default 5; each
#                program reports its best pass)
#
# The 181 pages are gunzipped once into bench/out/aeb-html/ (git-ignored).
# Both programs load every page into memory before timing, and run pinned to
# CPU 1 (taskset -c 1), alternating dateline, readability, dateline,
# readability so that machine noise hits both; the better of each program's
# two runs is kept. Needs: node, and `npm ci` in bench/peers/readability.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
dataset="${1:-}"
if [[ -z "$dataset" ]]; then
  for d in "$root/../shared/datasets/scrapinghub-aeb" /work/shared/datasets/scrapinghub-aeb; do
    if [[ -d "$d" ]]; then dataset="$d"; break; fi
  done
fi
build="${2:-$root/build}"
repeat="${3:-5}"
[[ -d "$dataset/html" ]] || { echo "run_clean_speed: no $dataset/html" >&2; exit 2; }
speed="$build/extract_speed_eval"
[[ -x "$speed" ]] || { echo "run_clean_speed: build $speed first (ninja -C $build extract_speed_eval)" >&2; exit 2; }
peer="$here/peers/readability"
if [[ ! -d "$peer/node_modules/@mozilla/readability" ]]; then
  (cd "$peer" && npm ci --no-audit --no-fund >&2)
fi

pages="$here/out/aeb-html"
mkdir -p "$pages"
n=0
for gz in "$dataset"/html/*.html.gz; do
  out="$pages/$(basename "${gz%.gz}")"
  [[ -s "$out" ]] || gzip -dc "$gz" > "$out"
  n=$((n + 1))
done
echo "pages: $n in $pages" >&2

pin=(taskset -c 1)
command -v taskset > /dev/null || pin=()

results=()
for round in 1 2; do
  line="$("${pin[@]}" "$speed" "$pages" --format html --repeat "$repeat")"
  echo "dateline    #$round $line" >&2
  results+=("$line")
  line="$("${pin[@]}" node "$peer/run.mjs" "$pages" --repeat "$repeat")"
  echo "readability #$round $line" >&2
  results+=("$line")
done

# Best pages/s of each program over its two runs, and the ratio.
printf '%s\n' "${results[@]}" | node -e '
  const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
  const best = (tool) => lines.filter((l) => l.tool === tool)
      .reduce((a, b) => (b.pages_per_s > a.pages_per_s ? b : a));
  const d = best("dateline"), r = best("readability.js");
  const f = (x) => x.toFixed(1);
  console.log(`dateline        ${f(d.pages_per_s)} pages/s  ${f(d.mb_per_s)} MB/s  (errors ${d.errors})`);
  console.log(`readability.js  ${f(r.pages_per_s)} pages/s  ${f(r.mb_per_s)} MB/s  (errors ${r.errors})`);
  console.log(`ratio dateline/readability: ${(d.pages_per_s / r.pages_per_s).toFixed(2)}x  (${d.pages} pages, one core)`);
'
