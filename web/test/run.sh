#!/usr/bin/env bash
# Runs the browser test of `dateline serve` (ui_test.mjs) with Debian's
# chromium. Usage: web/test/run.sh path/to/dateline
# Exits 77 (ctest: skipped) when chromium, node or node_modules is missing:
#   apt-get install chromium nodejs npm && (cd web/test && npm ci)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "SKIP: no chromium at $chromium (apt-get install chromium, or set CHROMIUM)"; exit 77
fi
if ! command -v node >/dev/null; then
  echo "SKIP: no node (apt-get install nodejs)"; exit 77
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "SKIP: no web/test/node_modules (run: cd web/test && npm ci)"; exit 77
fi
exec node "$here/ui_test.mjs" "${1:?usage: run.sh path/to/dateline}" "$chromium"
