#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cc) with clang, ASan and UBSan in
# build-fuzz/, then runs each for SECONDS (default 30), FUZZ_JOBS of them
# (default 2) at a time, on a scratch copy of its seed corpus
# (fuzz/corpus/<target>/). Exits non-zero if any fuzzer finds a crash, leak,
# timeout or sanitizer error; the reproducer is left in
# build-fuzz/findings/<target>/.
#
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail

SECONDS_PER_TARGET="${1:-30}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build-fuzz"
JOBS="${FUZZ_JOBS:-2}"

CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDATELINE_FUZZ=ON \
  -DDATELINE_TESTS=OFF -DDATELINE_BENCH=OFF >/dev/null

targets=()
for src in "$ROOT"/fuzz/*_fuzz.cc; do
  targets+=("$(basename "$src" .cc)")
done
ninja -C "$BUILD" -j "$JOBS" "${targets[@]}"

# Runs one target for SECONDS_PER_TARGET; prints its summary (or its log's
# tail and a "!!" line) and returns non-zero when it found a problem.
run_target() {
  local t="$1" name="${1%_fuzz}"
  local work="$BUILD/corpus/$name" findings="$BUILD/findings/$name"
  rm -rf "$work"
  mkdir -p "$work" "$findings"
  if [ -d "$ROOT/fuzz/corpus/$name" ]; then
    cp "$ROOT/fuzz/corpus/$name"/* "$work"/ 2>/dev/null || true
  fi
  if ! "$BUILD/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$work" >"$BUILD/$t.log" 2>&1; then
    echo "!! $t found a problem; see $BUILD/$t.log and $findings/"
    tail -n 40 "$BUILD/$t.log"
    return 1
  fi
  echo "== $t: ${SECONDS_PER_TARGET}s"
  grep -E "stat::number_of_executed_units|cov:" "$BUILD/$t.log" | tail -n 2 || true
}

# JOBS targets at a time (each fuzzer is one process on one core); each
# target's output is printed when it ends, so the lines do not interleave.
failed=()
pids=()
names=()
finish_one() {
  local i="$1"
  if ! wait "${pids[$i]}"; then failed+=("${names[$i]}"); fi
  cat "$BUILD/${names[$i]}.out"
}
for t in "${targets[@]}"; do
  if [ "${#pids[@]}" -ge "$JOBS" ]; then
    finish_one 0
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
  run_target "$t" >"$BUILD/$t.out" 2>&1 &
  pids+=("$!")
  names+=("$t")
done
for i in "${!pids[@]}"; do
  finish_one "$i"
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: failures in: ${failed[*]}"
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets clean"
