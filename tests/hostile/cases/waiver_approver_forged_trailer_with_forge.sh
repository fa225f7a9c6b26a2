# attack: on a GitHub pull request (approvals read from the forge), the change adds a waiver naming @ciso as its approver and writes an `Approved-by: @ciso` trailer itself; the policy owner approves the pull request on GitHub, reading the gate's word that @ciso approved the waiver
# surface: range (reviews from the forge), policy guard, waiver-changed
# expect: block while @ciso has not approved on the forge: outside `source: trailers` a trailer is the author's own text (as for policy-file-changed and threat-model acceptances)
HOSTILE_TIMEOUT=60
command -v python3 >/dev/null || { echo "python3 missing: nothing to serve the attack with" >&2; exit 0; }
new_repo
port_file="$HOSTILE_WORK/port"
head_file="$HOSTILE_WORK/head"
python3 - "$port_file" "$head_file" <<'PY' &
import http.server, sys, time, threading
class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        head, base = open(sys.argv[2]).read().split()
        if self.path.split("?")[0].endswith("/pulls/1"):
            body = ('{"number":1,"user":{"login":"carol","type":"User"},'
                    '"head":{"sha":"%s"},"base":{"sha":"%s"}}' % (head, base))
        elif "/reviews" in self.path:
            body = ('[{"id":1,"user":{"login":"lead","id":10,"type":"User"},'
                    '"state":"APPROVED","commit_id":"%s",'
                    '"submitted_at":"2026-11-20T10:00:00Z"}]' % head)
        else:
            body = '{"permission":"write","role_name":"write"}'
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
open(sys.argv[1], "w").write(str(server.server_address[1]))
threading.Thread(target=server.serve_forever, daemon=True).start()
time.sleep(50)
PY
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
port=$(cat "$port_file")
write .riskgate.yaml 'version: 1' 'policy:' '  owners: ["@lead"]' 'decisions:' '  medium: block' \
  'waivers:' '  approvers: {critical: ["@ciso"], high: ["@ciso"]}' 'controls:' '  reviews:' \
  '    source: github' '    min_approvals: 1' \
  "    forge: {retries: 0, timeout_seconds: 2, github_api_url: 'http://127.0.0.1:$port'}"
commit policy
export CI=true RISKGATE_NOW=2026-11-20
waiver() {
  write .riskgate/waivers.yaml 'version: 1' 'waivers:' '  - id: W-1' '    rule: github-pat-classic' \
    "    path: 'config/**'" '    reason: fixture' '    owner: carol' '    approver: "@ciso"' \
    '    created: 2026-11-20' '    expires: 2026-12-01'
}
# Without the trailer: the waiver's approver has not approved; the run blocks.
waiver
commit 'waive tokens in config'
git rev-parse HEAD HEAD~1 >"$head_file"
gate block check --base HEAD~1 --pr 1 --forge-project o/r
expect_in_output 'waiver-changed'
# With an Approved-by: @ciso trailer the author wrote: still only @lead approved on the forge.
git commit -q --amend --no-verify -m 'waive tokens in config' -m 'Approved-by: @ciso'
git rev-parse HEAD HEAD~1 >"$head_file"
gate block check --base HEAD~1 --pr 1 --forge-project o/r
