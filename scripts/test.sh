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

log "running swift test"
swift test --skip-build

log "fuzzing the SIP and SDP parsers (bounded)"
"$DIALTONE_ROOT/scripts/fuzz.sh" "${DIALTONE_FUZZ_SECONDS:-60}"
