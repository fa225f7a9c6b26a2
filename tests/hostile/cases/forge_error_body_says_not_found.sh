# attack: the API answers an online pin lookup with a server error whose body reads like riskgate's own "failed: HTTP 404" (a proxy's error page, or a forge that quotes the request), hoping the failure is taken for "this action's repository is not found" and the online checks of the impostor commit are skipped with a note instead of failing the run
# surface: range
# expect: error
# A server on 127.0.0.1 (started and stopped here) that answers every GET 500 with that body.
/usr/bin/python3 - "$HOSTILE_WORK/api.port" <<'PY' &
import http.server, sys
port_file = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        data = b'{"message":"GET /repos/octo/tool failed: HTTP 404 (not found)"}'
        self.send_response(500)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    def log_message(self, *args):
        pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
open(port_file, "w").write(str(s.server_address[1]))
s.serve_forever()
PY
api_pid=$!
trap 'kill "$api_pid" 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$HOSTILE_WORK/api.port" ] && break; sleep 0.1; done
[ -s "$HOSTILE_WORK/api.port" ] || fail "the API server did not start"

new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' '    forge: {retries: 0}'
write README.md 'hello'
commit base
base=$(git rev-parse HEAD)
write .github/workflows/ci.yml 'on: [push]' 'permissions: {}' 'jobs:' '  b:' \
  '    runs-on: ubuntu-latest' '    steps:' \
  '      - uses: octo/tool@dddddddddddddddddddddddddddddddddddddddd # v3.0.0'
commit "pin a fork's commit"
export GITHUB_TOKEN="$(fake_github_token)" GITHUB_API_URL="http://127.0.0.1:$(cat "$HOSTILE_WORK/api.port")"
gate error check --base "$base" --head HEAD
expect_in_output 'looking up the action octo/tool'
expect_in_output 'HTTP 500'
