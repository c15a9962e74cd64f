#!/usr/bin/env bash
# The must-show figures of issues 12 (syntax) and 13 (events and quotes on
# clauses) in one run, each line headed by the command that gives it, so a
# closing note can quote them and anyone can reproduce them.
#
# Usage: bench/run_issue_figures.sh [BUILD_DIR] [--speed]
#   BUILD_DIR  build by default (Release, after scripts/setup.sh)
#   --speed    also the speed figures (taskset -c 1; run on a quiet machine)
# Needs ../shared/datasets beside the repo (each evaluator's default path).
# About 6-8 minutes without --speed on one core.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="$root/build"
speed=0
for a in "$@"; do
  case "$a" in
    --speed) speed=1 ;;
    *) build="$a" ;;
  esac
done
cd "$root" || exit 2
[[ -x "$build/ud_eval" ]] || { echo "run_issue_figures: build $build first" >&2; exit 2; }
ud="../shared/datasets/ud-english"
[[ -d "$ud" ]] || { echo "run_issue_figures: no $ud (../shared/datasets)" >&2; exit 2; }

# run LABEL FILTER COMMAND...: prints the command, then the lines of its
# output that match FILTER (an extended regex).
run() {
  local filter="$1"; shift
  echo "\$ $*"
  "$@" 2>&1 | grep -E "$filter" | sed 's/^/    /'
}
b="${build#"$root"/}"
echo "# issue 12: parser (EWT dev, test, GUM dev)"
run '^UAS' "$b/ud_eval" --data "$ud/en_ewt-ud-dev.conllu.gz"
run '^UAS' "$b/ud_eval" --data "$ud/en_ewt-ud-test.conllu.gz"
run '^UAS' "$b/ud_eval" --data "$ud/en_gum-ud-dev.conllu.gz"
echo "# issue 13: real-news gold (the clause coder, the default; then the token coder)"
for split in dev test all; do
  run '^precision|^places of matched|^coder events with a place' "$b/event_gold_eval" --split "$split"
done
for split in dev test all; do
  run '^precision' env DATELINE_EVENTS_CODER=token "$b/event_gold_eval" --split "$split"
done
echo "# issue 13: event places on event-location (the clause coder's place of the event verb; a peer beside it)"
run '^clause layer|^nearest|^  places from' "$b/event_location_eval"
run '^clause layer|^nearest' "$b/event_location_eval" --relabel
echo "# issue 13: PLOVER dev, PETR2 GSR (each default, then token coder), PETRARCH unit records"
run "category accuracy|country codes" "$b/plover_eval"
run "category accuracy|country codes" "$b/plover_eval" --reciprocal-pairs
run "category accuracy|country codes" env DATELINE_EVENTS_CODER=token "$b/plover_eval"
run "source\+target\+(code|root)|PETRARCH-2" "$b/petrarch_gsr_eval"
run "source\+target\+(code|root)" env DATELINE_EVENTS_CODER=token "$b/petrarch_gsr_eval"
run "matching exactly|triples" "$b/petrarch_unit_eval"
echo "# issue 13: PolNeAR dev (exact F1, acts kept; then the default output, acts left out)"
run "^(label|Source|Cue|Content) " "$b/polnear_eval"
run "^(Source|Cue|Content) " "$b/polnear_eval" --without-acts
if (( speed )); then
  echo "# speed, one core"
  run 'parser speed' taskset -c 1 "$b/ud_eval" --speed --repeat 5
  run 'pages_per_s' taskset -c 1 "$b/language_speed_eval" --repeat 3
  run 'sentences_per_s' taskset -c 1 "$b/events_speed_eval" --repeat 3
fi
