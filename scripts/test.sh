#!/usr/bin/env bash
# Installs what the tests need on Debian 12 and runs every test: the unit and fixture tests
# (swift test), the command-line tests, and a bounded libFuzzer run of the SIP and SDP parsers.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_swift
ensure_dev_null
apt_install "${RUNTIME_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
cd "$DIALTONE_ROOT"

log "building (debug)"
swift build --build-tests >&2

# One test at a time: many tests start real peers (kamailio, baresip, sipp, dnsmasq,
# PulseAudio) and some play audio through RTP in real time. Run side by side on a 2-core
# machine they starve each other (and race for free ports); one after the other the whole
# suite takes under two minutes.
log "running swift test"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT
if ! swift test --skip-build --no-parallel 2>&1 | tee "$results"; then
    # Swift Testing reports a failure where it happens, thousands of lines above the end. Say it
    # again last, where a reader of the log's tail (CI) looks first.
    printf '\n==> failed tests and what they recorded (known issues left out):\n' >&2
    grep -E '✘|recorded an issue|Expectation failed|Caught error' "$results" \
        | grep -v 'known issue' | grep -v '^✘ Test run with' | head -n 60 >&2 || true
    grep -E '^✘ Test run with' "$results" >&2 || true
    exit 1
fi

log "fuzzing the SIP and SDP parsers (bounded)"
"$DIALTONE_ROOT/scripts/fuzz.sh" "${DIALTONE_FUZZ_SECONDS:-60}"

# The tests are Swift Testing tests (XCTest's "Executed 0 tests" line is its empty half); a
# failure has already stopped this script, so every test counted here passed.
passed=$(grep -oE 'Test run with [0-9]+ tests' "$results" | grep -oE '[0-9]+' | awk '{ sum += $1 } END { print sum }')
printf 'tests: %s passed, 0 failed\n' "${passed:-0}"
