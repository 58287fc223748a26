#!/usr/bin/env bash
# `make test`: every check, then one closing line with the totals of all test
# runs ("total: N passed, M failed"), so a reader of the log sees the whole at once.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
log=target/test-output.txt
# The Windows part: the full set unless WINDOWS_TESTS=short (see the Makefile).
case ${WINDOWS_TESTS:-full} in
  full) windows=test-windows ;;
  short) windows=test-windows-short ;;
  *) echo "test-all: WINDOWS_TESTS is short or full, not '$WINDOWS_TESTS'" >&2; exit 2 ;;
esac
make --no-print-directory lint unit e2e package-test "$windows" powercut-short 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
sum() { grep -E '^test result:' "$log" | sed -E "s/.* ([0-9]+) $1.*/\1/" | awk '{s += $1} END {print s + 0}'; }
passed=$(sum passed)
failed=$(sum failed)
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "total: $passed passed, $failed failed"
exit "$status"
