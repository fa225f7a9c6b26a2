# attack: the change's own policy names its server as controls.reviews.forge.github_api_url, so a pin lookup would send it the GitHub token; the API's error reflects credentials
# surface: staged, worktree, fix pins, range
# expect: error
# A recording HTTP server on 127.0.0.1 (started and stopped here): every Authorization or
# PRIVATE-TOKEN header it receives is written to a file outside the leak-checked outputs. It
# answers 401 with a body that reflects a credential.
start_recorder() {
  local log=$1 port_file=$2 body=$3
  /usr/bin/python3 - "$log" "$port_file" "$body" <<'PY' &
import http.server, sys
log, port_file, body = sys.argv[1], sys.argv[2], sys.argv[3]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(log, "a") as f:
            f.write("GET %s auth=%s private=%s\n" % (self.path, self.headers.get("Authorization"),
                                                     self.headers.get("PRIVATE-TOKEN")))
        data = body.encode()
        self.send_response(401)
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
  RECORDER_PID=$!
  for _ in $(seq 50); do [ -s "$port_file" ] && return 0; sleep 0.1; done
  fail "the recording server did not start"
}
token=$(fake_github_token)
reflected=$(fake_aws_key_id)
plant "$token"
plant "$reflected"
start_recorder "$HOSTILE_WORK/hostile.log" "$HOSTILE_WORK/hostile.port" '{"message":"no"}'
hostile_pid=$RECORDER_PID
start_recorder "$HOSTILE_WORK/trusted.log" "$HOSTILE_WORK/trusted.port" \
  "{\"message\":\"Bad credentials for $reflected\"}"
trusted_pid=$RECORDER_PID
trap 'kill "$hostile_pid" "$trusted_pid" 2>/dev/null' EXIT
hostile_url="http://127.0.0.1:$(cat "$HOSTILE_WORK/hostile.port")"
trusted_url="http://127.0.0.1:$(cat "$HOSTILE_WORK/trusted.port")"

base_repo
write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' \
  "    forge: {github_api_url: '$hostile_url', gitlab_api_url: '$hostile_url', retries: 0}"
write .github/workflows/ci.yml 'on: [push]' 'permissions: {}' 'jobs:' '  b:' \
  '    runs-on: ubuntu-latest' '    steps:' '      - uses: octo/tool@v1'
git add -A
export GITHUB_TOKEN="$token" GITLAB_TOKEN="$token"
# A pre-commit hook in an untrusted clone: no network at all.
gate block check --staged
[ ! -s "$HOSTILE_WORK/hostile.log" ] || fail "the change's API got: $(sed "s/$token/<the token>/g" "$HOSTILE_WORK/hostile.log")"
# The user allows the network: the platform's API (GITHUB_API_URL) gets the lookups, never the
# change's; it refuses the token (401), so the online checks cannot run and the run fails
# closed, and the reflected credential is not printed.
export RISKGATE_NETWORK=1 GITHUB_API_URL="$trusted_url"
gate error check --staged
expect_in_output 'ignoring controls.reviews.forge.github_api_url'
expect_in_output 'looking up the action octo/tool'
gate error check --worktree --format json
gate error fix pins
commit "point the forge at my server"
gate error check --base "$base" --head HEAD
[ -s "$HOSTILE_WORK/trusted.log" ] || fail "the platform's API got no request"
if [ -s "$HOSTILE_WORK/hostile.log" ]; then
  fail "the change's API got: $(sed "s/$token/<the token>/g" "$HOSTILE_WORK/hostile.log")"
fi
