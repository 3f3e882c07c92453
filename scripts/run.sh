#!/usr/bin/env bash
# Sets up, builds, and serves the inspector against the built-in demo server; prints the URL to open.
# PORT=8080 by default; extra arguments go to the demo server (e.g. --speed 5, --flavour relay).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh
port="${PORT:-8080}"
echo "Starting the demo server (Ctrl+C stops it)…"
exec build/native/mj-demo-server --port "$port" --root build/web --demo "$@"
