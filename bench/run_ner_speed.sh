#!/usr/bin/env bash
# Name-finder speed: dateline's entity tagger vs Apache OpenNLP's name finder
# (Debian `opennlp`), both trained on CoNLL-2003 train, both tagging the
# CoNLL-2003 test sentences (already tokenised) ten times over on one core
# (taskset -c 1), in one run; prints tokens/s of each and the ratio.
#
# Usage: bench/run_ner_speed.sh [CONLL_DIR] [BUILD_DIR]
#   CONLL_DIR  ../shared/datasets/conll2003 beside the repo by default
#   BUILD_DIR  build (needs conll_eval and data/models/ner.model)
# OpenNLP's model is trained here on first use (about a minute) into
# bench/out/opennlp/ (git-ignored); its own "Runtime" figure is used, so JVM
# start-up is left out, and ten passes let the JIT warm up.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
conll="${1:-}"
if [[ -z "$conll" ]]; then
  for d in "$root/../shared/datasets/conll2003" /work/shared/datasets/conll2003; do
    if [[ -d "$d" ]]; then conll="$d"; break; fi
  done
fi
build="${2:-$root/build}"
[[ -f "$conll/eng.train.iob2.txt.gz" ]] || { echo "run_ner_speed: no CoNLL-2003 in '$conll'" >&2; exit 2; }
command -v opennlp >/dev/null || { echo "run_ner_speed: install Debian's opennlp (apt-get install opennlp)" >&2; exit 2; }
[[ -x "$build/conll_eval" ]] || { echo "run_ner_speed: build $build/conll_eval first" >&2; exit 2; }

out="$here/out/opennlp"
mkdir -p "$out"
if [[ ! -s "$out/ner.bin" ]]; then
  zcat "$conll/eng.train.iob2.txt.gz" > "$out/train.txt"
  echo "training OpenNLP's name finder on eng.train (4 types)..." >&2
  opennlp TokenNameFinderTrainer.conll03 -lang eng -types per,loc,org,misc \
    -model "$out/ner.bin" -data "$out/train.txt" -encoding UTF-8 > "$out/train.log" 2>&1
fi
# Test sentences, one per line, tokens separated by spaces, ten times over.
zcat "$conll/eng.test.iob2.txt.gz" | awk '
  /^-DOCSTART-/ { next }
  NF == 0 { if (n) print line; line = ""; n = 0; next }
  { line = n ? line " " $1 : $1; n++ }
  END { if (n) print line }' > "$out/test.tok"
tokens_once=$(awk '{ n += NF } END { print n }' "$out/test.tok")
: > "$out/test10.tok"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$out/test.tok" >> "$out/test10.tok"; done

opennlp_tps() {
  taskset -c 1 opennlp TokenNameFinder "$out/ner.bin" < "$out/test10.tok" > /dev/null 2> "$out/run.log"
  local secs
  secs=$(sed -n 's/^Runtime: \([0-9.]*\)s.*/\1/p' "$out/run.log")
  awk -v t="$tokens_once" -v s="$secs" 'BEGIN { printf "%.0f", 10 * t / s }'
}
dateline_tps() {
  taskset -c 1 "$build/conll_eval" --data "$conll/eng.test.iob2.txt.gz" --repeat 10 --speed-only \
    | sed -n 's/.*tokens_per_s[": ]*\([0-9.]*\).*/\1/p' | head -1
}
d1=$(dateline_tps); o1=$(opennlp_tps); d2=$(dateline_tps); o2=$(opennlp_tps)
best() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (a > b ? a : b) }'; }
d=$(best "$d1" "$d2"); o=$(best "$o1" "$o2")
echo "dateline entity tagger  $d tokens/s  (runs: $d1, $d2)"
echo "OpenNLP 2.1 name finder $o tokens/s  (runs: $o1, $o2)"
awk -v d="$d" -v o="$o" 'BEGIN { printf "ratio dateline/opennlp: %.1fx (CoNLL-2003 test x10, one core)\n", d / o }'
