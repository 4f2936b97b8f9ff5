#!/bin/sh
# Delay Dialtone's media pipeline adds (issue 6): a raw RTP probe times 1 kHz-ish bursts through
# a call session whose audio runs through a PulseAudio server started for the purpose (null sink,
# its monitor as the microphone): packet → jitter buffer → playback → sound server → capture →
# packet. Prints one BENCH line (median/min/max round trip). Uses a release build of the tests.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --build-tests -Xswiftc -enable-testing --scratch-path .build-bench >/dev/null
MEDIA_LATENCY_BENCH=1 MEDIA_LATENCY_BURSTS="${1:-20}" swift test -c release -Xswiftc -enable-testing --skip-build \
    --scratch-path .build-bench --filter 'MediaLatencyBenchmarkTests' 2>&1 | grep -E 'BENCH|passed|failed'
