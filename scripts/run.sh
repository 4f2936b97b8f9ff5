#!/usr/bin/env bash
# Installs what Dialtone needs on Debian 12, builds it in release mode, and starts it.
# Arguments are passed to dialtone (e.g. `scripts/run.sh sip-lint message.txt`).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_swift
apt_install "${RUNTIME_PACKAGES[@]}"
cd "$DIALTONE_ROOT"
log "building dialtone (release)"
swift build -c release --product dialtone >&2
exec "$DIALTONE_ROOT/.build/release/dialtone" "$@"
