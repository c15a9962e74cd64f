#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/*_fuzz.cc) with clang, ASan and UBSan in
# build-fuzz/, then runs each for SECONDS (default 30) on a scratch copy of
# its seed corpus (fuzz/corpus/<target>/). Exits non-zero if any fuzzer
# finds a crash, leak, timeout or sanitizer error; the reproducer is left in
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

failed=()
for t in "${targets[@]}"; do
  name="${t%_fuzz}"
  work="$BUILD/corpus/$name"
  findings="$BUILD/findings/$name"
  rm -rf "$work"
  mkdir -p "$work" "$findings"
  if [ -d "$ROOT/fuzz/corpus/$name" ]; then
    cp "$ROOT/fuzz/corpus/$name"/* "$work"/ 2>/dev/null || true
  fi
  echo "== $t: ${SECONDS_PER_TARGET}s"
  if ! "$BUILD/$t" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$findings/" "$work" >"$BUILD/$t.log" 2>&1; then
    echo "!! $t found a problem; see $BUILD/$t.log and $findings/"
    tail -n 40 "$BUILD/$t.log"
    failed+=("$t")
  else
    grep -E "stat::number_of_executed_units|cov:" "$BUILD/$t.log" | tail -n 2
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: failures in: ${failed[*]}"
  exit 1
fi
echo "fuzz: all ${#targets[@]} targets clean"
