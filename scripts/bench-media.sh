#!/bin/sh
# CPU time per call-second of the media pipeline (issue 6), PCMU and Opus, with and without
# SRTP: two RTP sessions in one process call each other on loopback for N seconds (default 20)
# with file audio both ways. Prints one BENCH line per case. Uses a release build of the tests.
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-20}"
swift build -c release --build-tests -Xswiftc -enable-testing --scratch-path .build-bench >/dev/null
MEDIA_BENCH_SECONDS="$seconds" swift test -c release -Xswiftc -enable-testing --skip-build --scratch-path .build-bench \
    --filter 'MediaBenchmarkTests' 2>&1 | grep -E 'BENCH|passed|failed'
