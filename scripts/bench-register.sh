#!/usr/bin/env bash
# Registration figures for issue 4, printed (nothing passes or fails):
#   - time from process start to the first 200 OK to REGISTER, on loopback, against kamailio
#     with digest authentication (so two round trips), over N runs of `dialtone check`;
#   - peak resident memory of a `dialtone check` that registers 10 accounts at once.
# Usage: scripts/bench-register.sh [RUNS] [debug|release]   (defaults: 20 release)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS="${1:-20}"
CONFIGURATION="${2:-release}"
require_swift
cd "$DIALTONE_ROOT"
swift build -c "$CONFIGURATION" --product dialtone >&2
DIALTONE="$DIALTONE_ROOT/.build/$CONFIGURATION/dialtone"

WORK="$(mktemp -d /tmp/dialtone-bench-register.XXXXXX)"
KAMAILIO_PID=""
cleanup() {
    [ -n "$KAMAILIO_PID" ] && kill -- "-$KAMAILIO_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
TLS_PORT=$((PORT + 1))
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=example.test \
    -keyout "$WORK/server.key" -out "$WORK/server.crt" 2>/dev/null
mkdir -p "$WORK/db"
printf 'table_name(string) table_version(int)\nsubscriber:7\nlocation:9\n' > "$WORK/db/version"
{
    echo "id(int,auto) username(string) domain(string) password(string) ha1(string) ha1b(string)"
    for i in $(seq 1 10); do echo "$i:user$i:example.test:pw$i:x:x"; done
} > "$WORK/db/subscriber"
cat > "$WORK/tls.cfg" <<TLS
[server:default]
method = TLSv1.2+
verify_certificate = no
require_certificate = no
private_key = $WORK/server.key
certificate = $WORK/server.crt

[client:default]
method = TLSv1.2+
verify_certificate = no
require_certificate = no
TLS
LISTEN="listen=udp:127.0.0.1:$PORT
listen=tcp:127.0.0.1:$PORT
listen=tls:127.0.0.1:$TLS_PORT"
python3 - "$DIALTONE_ROOT/Tests/Peers/kamailio/kamailio.cfg.template" "$WORK" "$LISTEN" > "$WORK/kamailio.cfg" <<'PY'
import sys
text = open(sys.argv[1]).read()
for key, value in {"DOMAIN": "example.test", "NAME": "bench", "RUN_DIR": sys.argv[2], "MIN_EXPIRES": "10",
                   "AUTH_ALGORITHM": "MD5", "LISTEN": sys.argv[3]}.items():
    text = text.replace("{{" + key + "}}", value)
print(text)
PY
setsid /usr/sbin/kamailio -DD -E -f "$WORK/kamailio.cfg" -P "$WORK/kamailio.pid" -w "$WORK" > "$WORK/kamailio.log" 2>&1 &
KAMAILIO_PID=$!
sleep 1.5

account() {
    cat <<ACCOUNT
[[accounts]]
name = "a$1"
aor = "sip:user$1@example.test"
password = "pw$1"
registrar = "sip:127.0.0.1:$PORT"
transport = "udp"
mwi = false

ACCOUNT
}
GENERAL='[general]
listen = ["udp:127.0.0.1:0"]
'
{ echo "$GENERAL"; account 1; } > "$WORK/one.toml"
{ echo "$GENERAL"; for i in $(seq 1 10); do account "$i"; done; } > "$WORK/ten.toml"

echo "== process start → first 200 OK to REGISTER (digest: 401, then 200), $RUNS runs, $CONFIGURATION build"
for _ in $(seq 1 "$RUNS"); do
    "$DIALTONE" check --config "$WORK/one.toml" --json
done | python3 -c '
import json, statistics, sys
times = []
for line in sys.stdin:
    report = json.loads(line)
    for step in report["steps"]:
        if step["kind"] == "response" and step["detail"].startswith("SIP/2.0 200"):
            times.append(step["ms"]); break
times.sort()
print(f"runs {len(times)}  median {statistics.median(times)} ms  min {times[0]} ms  max {times[-1]} ms  (process start measured with 10 ms resolution)")
'

echo "== peak resident memory of one process registering 10 accounts at once"
/usr/bin/time -f "%M" -o "$WORK/rss" "$DIALTONE" check --config "$WORK/ten.toml" --json > "$WORK/ten.json"
REGISTERED=$(grep -c '"state":"registered"' "$WORK/ten.json")
echo "registered $REGISTERED of 10 accounts; peak RSS $(cat "$WORK/rss") KiB"
