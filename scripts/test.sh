#!/usr/bin/env bash
# Sets up, builds and runs every test: native unit tests (ctest) and browser end-to-end tests (node --test).
# Ends with one summary line "N passed, N failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh || { echo "setup failed"; exit 1; }
bash scripts/build.sh || { echo "build failed"; exit 1; }

out="$root/build/test-results"
mkdir -p "$out"
ctest --preset native --timeout 300 2>&1 | tee "$out/ctest.txt"
ctest_rc=${PIPESTATUS[0]}
# ctest's closing line: "100% tests passed, 0 tests failed out of 57"
summary=$(grep -E 'tests failed out of [0-9]+' "$out/ctest.txt" | tail -n1)
native_failed=$(echo "$summary" | grep -Eo '[0-9]+ tests failed' | grep -Eo '^[0-9]+')
native_total=$(echo "$summary" | grep -Eo 'out of [0-9]+' | grep -Eo '[0-9]+')
native_failed=${native_failed:-0}
native_total=${native_total:-0}
native_passed=$((native_total - native_failed))

node --test --test-concurrency=1 --test-reporter=spec tests/e2e/ 2>&1 | tee "$out/e2e.txt"
e2e_rc=${PIPESTATUS[0]}
e2e_passed=$(grep -Eo '^ℹ pass [0-9]+' "$out/e2e.txt" | grep -Eo '[0-9]+')
e2e_failed=$(grep -Eo '^ℹ fail [0-9]+' "$out/e2e.txt" | grep -Eo '[0-9]+')
e2e_passed=${e2e_passed:-0}
e2e_failed=${e2e_failed:-0}

passed=$((native_passed + e2e_passed))
failed=$((native_failed + e2e_failed))
# A runner that failed without counting a failure (a crash, a build step) still fails the run.
if [ "$ctest_rc" -ne 0 ] && [ "$native_failed" -eq 0 ]; then failed=$((failed + 1)); fi
if [ "$e2e_rc" -ne 0 ] && [ "$e2e_failed" -eq 0 ]; then failed=$((failed + 1)); fi
echo "native: $native_passed passed, $native_failed failed; browser: $e2e_passed passed, $e2e_failed failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
