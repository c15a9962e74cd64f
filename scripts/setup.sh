#!/usr/bin/env bash
# Installs dateline's build dependencies (Debian 12 packages; Node.js and npm
# when missing, and the browser UI's npm packages) and builds it into build/
# (Release, Ninja; the build bundles web/ with esbuild, and builds the Python
# module, docs/python.md). Safe to run again:
# installs only what is missing and rebuilds incrementally.
#   scripts/setup.sh            # deps + build
#   BUILD_DIR=out scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev zlib1g-dev nlohmann-json3-dev libcli11-dev libxxhash-dev
  libgtest-dev libbenchmark-dev libxml2-dev wamerican-huge libsqlite3-dev
  libcpp-httplib-dev pybind11-dev python3-dev
  # The PostgreSQL archive (libpq) and the server its tests start
  # (initdb + pg_ctl in a temporary directory; docs/archive.md).
  libpq-dev postgresql-15
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The browser UI is bundled from npm packages (web/package-lock.json) by the
# build: Node.js and npm from Debian only when the machine has none (an image
# may carry its own Node.js, which Debian's npm package conflicts with), then
# `npm ci` in web/ whenever the lockfile changed since the last one.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: installing nodejs npm" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! cmp -s web/package-lock.json web/node_modules/.dateline-package-lock.json; then
  echo "setup: npm ci in web/ (the browser UI's libraries)" >&2
  (cd web && npm ci --no-audit --no-fund --loglevel=error) >&2
  cp web/package-lock.json web/node_modules/.dateline-package-lock.json
fi

BUILD_DIR="${BUILD_DIR:-build}"
# -DDATELINE_PYTHON=ON: the Python module too (docs/python.md).
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDATELINE_PYTHON=ON >/dev/null
ninja -C "$BUILD_DIR" >&2
