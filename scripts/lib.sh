# Shared helpers for the scripts in this directory. Sourced, not run.
# Every step is idempotent and non-interactive: no prompts, no standard input needed.

set -euo pipefail

DIALTONE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The Debian 12 packages needed to build and run Dialtone.
RUNTIME_PACKAGES=(
    pkg-config libncurses-dev libpulse-dev libsrtp2-dev libopus-dev libssl-dev libsqlite3-dev
    libc-ares-dev libspandsp-dev libspeexdsp-dev
)

# What the tests need on top of that (real peers and tools; see ../shared/PEERS.md).
TEST_PACKAGES=(
    tmux sox dnsmasq-base openssl kamailio kamailio-tls-modules sip-tester
    baresip linphone-cli pulseaudio pulseaudio-utils
)

# Installs the Debian packages that are not installed yet. Services that packages would start
# on install are kept stopped (tests start their own instances on loopback).
apt_install() {
    local missing=()
    local package
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing Debian packages: ${missing[*]}"
    local policy=/usr/sbin/policy-rc.d created_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
        as_root chmod 755 "$policy"
        created_policy=1
    fi
    local attempt
    for attempt in 1 2 3 4 5; do
        if as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null \
            && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
                --no-install-recommends "${missing[@]}" </dev/null >/dev/null; then
            [ $created_policy -eq 1 ] && as_root rm -f "$policy"
            return 0
        fi
        log "apt-get failed (attempt $attempt; another apt may hold the lock), retrying"
        sleep 5
    done
    [ $created_policy -eq 1 ] && as_root rm -f "$policy"
    die "could not install: ${missing[*]}"
}

# Swift itself is not packaged by Debian 12; it must be on PATH (swift.org toolchain or swiftly).
require_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        [ -x /opt/swift/usr/bin/swift ] && export PATH="/opt/swift/usr/bin:$PATH"
    fi
    command -v swift >/dev/null 2>&1 \
        || die "the Swift 6 toolchain is not on PATH; install it from swift.org (Debian 12 build) first"
    swift --version 2>/dev/null | grep -qE 'Swift version 6\.' \
        || die "Swift 6 is required; found: $(swift --version 2>&1 | head -n 1)"
}

# glibc's daemon() (used by tmux) refuses a /dev/null that is not a character device, which
# has been seen on these machines; restore it when we can.
ensure_dev_null() {
    if [ ! -c /dev/null ] && [ "$(id -u)" -eq 0 ]; then
        rm -f /dev/null && mknod -m 666 /dev/null c 1 3
    fi
}
