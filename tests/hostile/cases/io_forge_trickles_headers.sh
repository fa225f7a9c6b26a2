# attack: the forge API (an address the attacker influences) answers one header byte at a time, so every socket read succeeds and the run never ends
# surface: range (reviews control)
# expect: error
HOSTILE_TIMEOUT=60
command -v python3 >/dev/null || { echo "python3 missing: nothing to serve the attack with" >&2; exit 0; }
new_repo
port_file="$HOSTILE_WORK/port"
python3 - "$port_file" <<'PY' &
import socket, sys, time, threading
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(8)
open(sys.argv[1], "w").write(str(server.getsockname()[1]))
def trickle(conn):
    try:
        for c in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100000:
            conn.send(bytes([c]))
            time.sleep(0.2)
    except OSError:
        pass
    conn.close()
deadline = time.time() + 50
server.settimeout(1)
while time.time() < deadline:
    try:
        conn, _ = server.accept()
    except socket.timeout:
        continue
    threading.Thread(target=trickle, args=(conn,), daemon=True).start()
PY
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
port=$(cat "$port_file")
write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' '    source: github' \
  "    forge: {retries: 0, timeout_seconds: 2, github_api_url: 'http://127.0.0.1:$port'}"
commit policy
write a.txt a
commit change
gate error check --base HEAD~1 --pr 1 --forge-project o/r
expect_in_output 'no answer within 2.0 s'
