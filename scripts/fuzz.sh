#!/usr/bin/env bash
# Builds the libFuzzer targets for the SIP and SDP parsers with AddressSanitizer and runs each
# for a bounded time (first argument, seconds; default 60), seeded with the test fixtures.
# A crash fails the run and leaves the input in fuzz-artifacts/: add it under
# Tests/Fixtures/fuzz-regressions/ so it becomes a regression test.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

seconds="${1:-60}"
require_swift
cd "$DIALTONE_ROOT"
scratch="$DIALTONE_ROOT/.build-fuzz"
artifacts="$DIALTONE_ROOT/fuzz-artifacts"
mkdir -p "$artifacts"

# Release mode: the parsers are generic over byte views and run ~100x slower unoptimised.
# Both flags are needed: --sanitize=fuzzer makes SwiftPM drop its own main (libFuzzer's runs),
# -Xswiftc -sanitize=fuzzer,address adds coverage and ASan in one flag (TOOLCHAIN.md §6).
build_target() {
    swift build -c release --product "$1" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
        --scratch-path "$scratch" >&2 2> >(grep -v "Cannot export local symbol" >&2)
}

run_target() {
    local product="$1" seeds="$2" dict="$3"
    local corpus
    corpus="$(mktemp -d)"
    cp $seeds "$corpus"/ 2>/dev/null || true
    log "fuzzing $product for ${seconds}s ($(ls "$corpus" | wc -l) seeds)"
    ASAN_OPTIONS=detect_leaks=0 "$scratch/release/$product" "$corpus" \
        -max_total_time="$seconds" -max_len=8192 -dict="$dict" \
        -artifact_prefix="$artifacts/$product-" -print_final_stats=1 2>&1 \
        | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|INFO: Seed)" || true
    local status=${PIPESTATUS[0]}
    rm -rf "$corpus"
    if [ "$status" -ne 0 ]; then
        ls -1 "$artifacts" >&2
        die "$product found a crash (exit $status); the input is in $artifacts"
    fi
}

build_target FuzzSIP
build_target FuzzSDP
run_target FuzzSIP "Tests/Fixtures/rfc4475/*.dat Tests/Fixtures/rfc5118/*.dat Tests/Fixtures/sip-real/*.sip Tests/Fixtures/fuzz-regressions/sip/*" \
    "$DIALTONE_ROOT/scripts/fuzz/sip.dict"
run_target FuzzSDP "Tests/Fixtures/sdp/*.sdp Tests/Fixtures/fuzz-regressions/sdp/*" "$DIALTONE_ROOT/scripts/fuzz/sdp.dict"
log "fuzzing found no crash"
