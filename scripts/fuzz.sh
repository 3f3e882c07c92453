#!/usr/bin/env bash
# Builds the core fuzz target with clang + libFuzzer (+ ASan/UBSan) and runs it for N seconds (default 60).
#   scripts/fuzz.sh [seconds]
# The corpus grows in build/fuzz/corpus (seeded from tests/fuzz/corpus and the shared fixtures); crashes are
# written to build/fuzz/ as crash-* files (replay one with: build/fuzz/fuzz_response <file>).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
out="$root/build/fuzz"
fixtures="$root/../shared/fixtures"

cxx="$(command -v clang++ || true)"
if [ -z "$cxx" ]; then
  sudo_cmd=""; if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  echo "fuzz: installing clang"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends clang
  cxx="$(command -v clang++)"
fi

mkdir -p "$out/corpus"
cp -n "$root"/tests/fuzz/corpus/* "$out/corpus/" 2>/dev/null || true
if [ -d "$fixtures" ]; then cp -n "$fixtures"/* "$out/corpus/" 2>/dev/null || true; fi

echo "fuzz: building $out/fuzz_response"
"$cxx" -std=c++17 -O1 -g -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -Wall -Wextra -Wpedantic -Wshadow -Wno-missing-field-initializers \
  -I"$root/src" \
  "$root"/src/core/*.cpp "$root/tests/fuzz/fuzz_response.cpp" \
  -o "$out/fuzz_response"

echo "fuzz: running for ${seconds}s"
cd "$out"
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ./fuzz_response -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 "$out/corpus"
