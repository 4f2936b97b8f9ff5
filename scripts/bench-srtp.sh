#!/bin/sh
# CPU cost of SRTP per packet and per call-second for each suite, Debian's libsrtp2 crypto (NSS)
# against ours (OpenSSL): Benchmarks/srtp/srtp_bench.c with Sources/CShim/srtp_openssl.c.
set -eu
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cc -O2 -o "$out/srtp_bench" Benchmarks/srtp/srtp_bench.c Sources/CShim/srtp_openssl.c \
    $(pkg-config --cflags --libs libsrtp2 libcrypto)
"$out/srtp_bench"
