#!/usr/bin/env bash
# Builds both configurations: native (demo server, tests) into build/native, the site into build/web.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export NODE_PATH=/usr/share/nodejs   # emscripten's optimiser needs Debian's acorn (TOOLCHAIN pitfall 1)
what="${1:-all}"
if [ "$what" = all ] || [ "$what" = native ]; then
  cmake --preset native >/dev/null
  cmake --build --preset native
fi
if [ "$what" = all ] || [ "$what" = web ]; then
  cmake --preset web >/dev/null
  cmake --build --preset web
fi
