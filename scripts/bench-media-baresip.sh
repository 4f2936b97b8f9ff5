#!/usr/bin/env bash
# CPU per call-second of the answering side of a real call, Dialtone vs baresip, measured in
# the same run on the same machine (issue 6's benchmark; figures, not a test):
#   caller: baresip playing a tone file of SECONDS (it hangs up when the file ends)
#   callee: (1) another baresip, auto-answer, playing a tone file (aufile), discarding what
#           it hears (aubridge);  (2) `dialtone agent --auto-answer --play tone.wav`, which
#           decodes and discards what it hears likewise.
# CPU is utime+stime of the callee from /proc/PID/stat, sampled when the call is established
# and when it ends, divided by the call's length. PCMU and Opus, each with and without SDES-SRTP
# (AES_CM_128_HMAC_SHA1_80, the only suite baresip offers).
# Usage: scripts/bench-media-baresip.sh [SECONDS] [debug|release] [ROUNDS]  (defaults: 20 release 1)
# Environment: OPUS_SETTINGS="opus_complexity = 5" adds lines to Dialtone's account (its Opus
# encoder settings); BENCH_PERF=1 also samples each callee with perf and prints the share of its
# CPU spent in libopus, and the CPU left for everything else (the phone's own pipeline and the kernel).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SECONDS_PER_CALL="${1:-20}"
CONFIGURATION="${2:-release}"
ROUNDS="${3:-1}"
cd "$DIALTONE_ROOT"
if [ -z "${DIALTONE_BIN:-}" ]; then
    swift build -c "$CONFIGURATION" --product dialtone >&2
    DIALTONE_BIN="$DIALTONE_ROOT/.build/$CONFIGURATION/dialtone"
fi
TICKS="$(getconf CLK_TCK)"
WORK="$(mktemp -d /tmp/dialtone-bench-media.XXXXXX)"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Waits (60 s at most) until FILE contains TEXT.
wait_for() {
    local file="$1" text="$2" i
    for i in $(seq 1 1200); do grep -q -- "$text" "$file" 2>/dev/null && return 0; sleep 0.05; done
    log "timed out waiting for '$text' in $file"; return 1
}
now_ms() { date +%s%3N; }
# Percentage of PID's samples in libopus from a perf file ("-" without perf data).
opus_share() {
    [ -s "$1" ] || { echo "-"; return; }
    perf report -i "$1" --no-children --sort dso --stdio 2>/dev/null \
        | awk '/libopus/ { gsub("%", "", $1); share += $1 } END { printf "%.0f\n", share }'
}

sox -n -r 48000 -c 1 -b 16 "$WORK/tone.wav" synth "$SECONDS_PER_CALL" sine 440 vol 0.5
sox -n -r 48000 -c 1 -b 16 "$WORK/long.wav" synth $((SECONDS_PER_CALL + 10)) sine 1000 vol 0.5

# baresip DIR PORT CODEC MEDIAENC SOURCE: a config directory for one instance.
baresip_dir() {
    local dir="$1" port="$2" codec="$3" enc="$4" source="$5"
    mkdir -p "$dir"
    cat > "$dir/config" <<EOF
poll_method epoll
sip_listen 127.0.0.1:$port
net_interface 127.0.0.1
audio_player aubridge,nil
audio_source aufile,$source
audio_alert aubridge,nil
ausrc_srate 48000
ausrc_channels 1
statmode_default off
module_path /usr/lib/baresip/modules
module g711.so
module opus.so
module srtp.so
module aufile.so
module aubridge.so
module_app account.so
module_app menu.so
rtp_timeout 0
EOF
    local line="<sip:bench@example.test;transport=udp>;regint=0;answermode=auto;audio_codecs=$codec"
    [ "$enc" != "none" ] && line="$line;mediaenc=$enc"
    echo "$line" > "$dir/accounts"
    : > "$dir/contacts"
}

# One call: the caller baresip dials TARGET; echoes "cpu_ms_per_call_second call_seconds".
# measure CALLEE_PID CALLEE_LOG ESTABLISHED_TEXT ENDED_TEXT CODEC ENC TARGET
measure() {
    local pid="$1" log="$2" established="$3" ended="$4" codec="$5" enc="$6" target="$7"
    local dir="$WORK/caller-$RANDOM" port
    port="$(free_port)"
    baresip_dir "$dir" "$port" "$codec" "$enc" "$WORK/tone.wav"
    (cd "$dir" && HOME="$dir" exec baresip -f "$dir" -e "/dial $target" > "$dir/log" 2>&1) &
    local caller=$!
    PIDS+=("$caller")
    wait_for "$log" "$established"
    local t0 c0 t1 c1 sampler=""
    if [ "${BENCH_PERF:-0}" = 1 ]; then
        perf record -q -F 499 -p "$pid" -o "$log.perf" > /dev/null 2>&1 &
        sampler=$!
    fi
    t0="$(now_ms)"; c0="$(cpu_ticks "$pid")"
    wait_for "$log" "$ended"
    t1="$(now_ms)"; c1="$(cpu_ticks "$pid")"
    if [ -n "$sampler" ]; then kill -INT "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true; fi
    kill "$caller" 2>/dev/null || true
    wait "$caller" 2>/dev/null || true
    local share
    share="$(opus_share "$log.perf")"
    awk -v c=$((c1 - c0)) -v t=$((t1 - t0)) -v hz="$TICKS" -v share="$share" 'BEGIN {
        cpu = c * 1000 / hz / (t / 1000)
        if (share == "-") rest = "-"; else rest = sprintf("%.1f", cpu * (100 - share) / 100)
        printf "%.1f %.1f %s %s\n", cpu, t / 1000, share, rest }'
}

printf '%-6s %-10s %-9s %22s %10s %8s %12s  %s\n' codec srtp callee cpu_ms_per_call_second call_s opus_% other_ms_per_s negotiated
for round in $(seq 1 "$ROUNDS"); do
  for codec in pcmu opus; do
    for enc in none srtp-mand; do
        spec="$codec"; [ "$codec" = opus ] && spec="opus/48000/2"
        # (1) baresip answers.
        callee="$WORK/callee-baresip-$codec-$enc-$round"
        port="$(free_port)"
        baresip_dir "$callee" "$port" "$spec" "$enc" "$WORK/long.wav"
        (cd "$callee" && HOME="$callee" exec baresip -f "$callee" > "$callee/log" 2>&1) &
        bpid=$!
        PIDS+=("$bpid")
        wait_for "$callee/log" "baresip is ready"
        read -r cpu secs share rest < <(measure "$bpid" "$callee/log" "Call established" "terminated" "$spec" "$enc" "sip:bench@127.0.0.1:$port")
        got="$(grep -o 'cryptosuite=[A-Za-z0-9_]*' "$callee/log" | head -1 || true)"
        printf '%-6s %-10s %-9s %22s %10s %8s %12s  %s\n' "$codec" "$enc" baresip "$cpu" "$secs" "$share" "$rest" "${got:-plain RTP}"
        kill "$bpid" 2>/dev/null || true; wait "$bpid" 2>/dev/null || true

        # (2) Dialtone's agent answers.
        agent="$WORK/agent-$codec-$enc-$round"
        mkdir -p "$agent"
        port="$(free_port)"
        srtp=off; [ "$enc" != none ] && srtp=mandatory
        cat > "$agent/config.toml" <<EOF
[general]
listen = ["udp:127.0.0.1:$port"]
history_file = "$agent/history.sqlite"

[[accounts]]
name = "bench"
aor = "sip:bench@127.0.0.1"
register = false
mwi = false
codecs = ["$codec"]
srtp = "$srtp"
${OPUS_SETTINGS:-}
EOF
        HOME="$agent" XDG_DATA_HOME="$agent/data" "$DIALTONE_BIN" agent --config "$agent/config.toml" --auto-answer \
            --play "$WORK/long.wav" --json > "$agent/log" 2>&1 &
        apid=$!
        PIDS+=("$apid")
        sleep 1
        read -r cpu secs share rest < <(measure "$apid" "$agent/log" '"event":"answered"' '"event":"ended"' "$spec" "$enc" "sip:bench@127.0.0.1:$port")
        got="$(grep '"event":"answered"' "$agent/log" | head -1 | grep -o '"\(codec\|encryption\)":"[^"]*"' | tr '\n' ' ' || true)"
        printf '%-6s %-10s %-9s %22s %10s %8s %12s  %s\n' "$codec" "$enc" dialtone "$cpu" "$secs" "$share" "$rest" "$got"
        kill "$apid" 2>/dev/null || true; wait "$apid" 2>/dev/null || true
    done
  done
done
