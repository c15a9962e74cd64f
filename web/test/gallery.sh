#!/usr/bin/env bash
# Copies the browser test's screenshots (/tmp/dateline_ui_*.png, 1000x700,
# written by ui_test.mjs) into docs/gallery/, reduced to 256 colours with
# pngquant (apt-get install pngquant) so each stays under 150 KB.
# Usage: web/test/run.sh build/dateline && web/test/gallery.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/docs/gallery"
mkdir -p "$out"
command -v pngquant >/dev/null || { echo "gallery: needs pngquant (apt-get install pngquant)"; exit 1; }
status=0
for view in search article xss timeline network map entity story events; do
  src="/tmp/dateline_ui_$view.png"
  [ -f "$src" ] || { echo "gallery: $src missing (run web/test/run.sh first)"; status=1; continue; }
  pngquant --force --skip-if-larger --strip --quality 60-95 --output "$out/$view.png" "$src" || cp "$src" "$out/$view.png"
  size=$(stat -c %s "$out/$view.png")
  echo "$out/$view.png $((size / 1024)) KB"
  if [ "$size" -gt 153600 ]; then echo "gallery: $view.png is over 150 KB"; status=1; fi
done
exit $status
