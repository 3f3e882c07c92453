#!/usr/bin/env bash
# Prints the deployable site's file sizes, raw and gzip -9, in bytes (run after scripts/build.sh web).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
site="$root/build/web"
printf '%-28s %12s %12s\n' file raw gzip
total_raw=0; total_gz=0
for f in index.html inspector.js inspector.wasm fonts/cjk.ttf; do
  [ -f "$site/$f" ] || continue
  raw=$(stat -c %s "$site/$f"); gz=$(gzip -9c "$site/$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-28s %12d %12d\n' "$f" "$raw" "$gz"
done
printf '%-28s %12d %12d\n' total "$total_raw" "$total_gz"
