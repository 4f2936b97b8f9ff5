#!/usr/bin/env python3
"""Call figures for issue 5 (a measurement, not a test):

  * call setup time, INVITE sent -> 200 OK received, against an auto-answering baresip on
    loopback, measured from the engine's own SIP trace isn't exposed to scripts, so this takes
    the control socket's view: `dial` command written -> `answered` event read (an upper bound
    of INVITE -> 200 that includes the local socket hop);
  * resident memory (VmRSS) of `dialtone agent` while 10 calls are up at once.

Usage: scripts/call-figures.py [path/to/dialtone]   (build first: swift build)
"""
import json, os, socket, statistics, subprocess, sys, tempfile, time

DIALTONE = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/dialtone"

def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def start_baresip(work):
    port, control = free_port(), free_port()
    while port + 1 == control:
        control = free_port()
    os.makedirs(work, exist_ok=True)
    with open(f"{work}/config", "w") as f:
        f.write(f"""poll_method epoll
sip_listen 127.0.0.1:{port}
net_interface 127.0.0.1
audio_player aubridge,nil
audio_source ausine,440
audio_alert aubridge,nil
ausrc_srate 48000
ausrc_channels 2
statmode_default off
call_max_calls 32
ctrl_tcp_listen 127.0.0.1:{control}
module_path /usr/lib/baresip/modules
module g711.so
module ausine.so
module aubridge.so
module_app account.so
module_app menu.so
module_app ctrl_tcp.so
""")
    with open(f"{work}/accounts", "w") as f:
        f.write("<sip:bob@example.test;transport=udp>;regint=0;answermode=auto;audio_codecs=pcmu\n")
    open(f"{work}/contacts", "w").close()
    log = open(f"{work}/baresip.log", "w")
    proc = subprocess.Popen(["baresip", "-f", work], stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                            env={"HOME": work, "PATH": "/usr/bin:/bin"})
    for _ in range(200):
        if "baresip is ready" in open(f"{work}/baresip.log").read():
            break
        time.sleep(0.05)
    return proc, port

def main():
    work = tempfile.mkdtemp(prefix="call-figures-")
    baresip, port = start_baresip(f"{work}/baresip")
    with open(f"{work}/config.toml", "w") as f:
        f.write(f"""[general]
listen = ["udp:127.0.0.1:0"]
history_file = "{work}/history.sqlite"

[[accounts]]
name = "alice"
aor = "sip:alice@alice.test"
register = false
mwi = false
""")
    control = f"{work}/control.sock"
    agent = subprocess.Popen([DIALTONE, "agent", "--config", f"{work}/config.toml", "--control", control],
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        if os.path.exists(control):
            break
        time.sleep(0.05)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(control)
    reader = sock.makefile("r")

    def command(obj):
        sock.sendall((json.dumps(obj) + "\n").encode())

    backlog = []

    def until(pred):
        """The first event (read earlier or now) matching pred; others stay for later."""
        for index, event in enumerate(backlog):
            if pred(event):
                return backlog.pop(index)
        while True:
            event = json.loads(reader.readline())
            if pred(event):
                return event
            backlog.append(event)

    setups = []
    for _ in range(20):
        start = time.perf_counter()
        command({"command": "dial", "target": f"sip:bob@127.0.0.1:{port}"})
        reply = until(lambda e: e.get("event") == "reply")
        if "call" not in reply:
            sys.exit(f"dial failed: {reply}")
        call = reply["call"]
        until(lambda e: e.get("event") == "answered" and e.get("call") == call)
        setups.append((time.perf_counter() - start) * 1000)
        command({"command": "hangup", "call": call})
        pending = {"reply", "ended"}
        while pending:
            event = until(lambda e: e.get("event") in pending and (e.get("event") == "reply" or e.get("call") == call))
            pending.discard(event["event"])

    calls = []
    for _ in range(10):
        command({"command": "dial", "target": f"sip:bob@127.0.0.1:{port}"})
        calls.append(until(lambda e: e.get("event") == "reply")["call"])
    for call in calls:
        until(lambda e: e.get("event") == "answered" and e.get("call") == call)
    time.sleep(2)
    rss = [l for l in open(f"/proc/{agent.pid}/status") if l.startswith("VmRSS")][0].split()[1]
    print(f"setup (dial -> answered, 20 calls): median {statistics.median(setups):.1f} ms, "
          f"min {min(setups):.1f} ms, max {max(setups):.1f} ms")
    print(f"agent VmRSS with 10 calls up: {int(rss) / 1024:.1f} MiB")
    for call in calls:
        command({"command": "hangup", "call": call})
    agent.terminate()
    agent.wait(timeout=20)
    baresip.terminate()
    baresip.wait(timeout=10)

main()
