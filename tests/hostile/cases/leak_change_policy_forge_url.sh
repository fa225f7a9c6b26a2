# attack: the change's own policy names its server as controls.reviews.forge.github_api_url, so a pin lookup would send it the GitHub token; the API's error reflects credentials
# surface: staged, worktree, fix pins, range
# expect: error
# Two recording servers (lib.sh start_recorder), both answering 401: the change's, and the
# platform's, whose error body reflects a credential.
token=$(fake_github_token)
reflected=$(fake_aws_key_id)
plant "$token"
plant "$reflected"
start_recorder "$HOSTILE_WORK/hostile.log" "$HOSTILE_WORK/hostile.port" 401 '{"message":"no"}'
hostile_pid=$RECORDER_PID
start_recorder "$HOSTILE_WORK/trusted.log" "$HOSTILE_WORK/trusted.port" 401 \
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
