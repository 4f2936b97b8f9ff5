#!/usr/bin/env bash
# Builds the benchmarks in release mode and prints throughput figures (one core; the harness
# is single-threaded). Figures only: nothing here passes or fails.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_swift
cd "$DIALTONE_ROOT"
swift build -c release --product DialtoneBenchmarks >&2
exec "$DIALTONE_ROOT/.build/release/DialtoneBenchmarks" "$DIALTONE_ROOT/Tests/Fixtures" "$@"
