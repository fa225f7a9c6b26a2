# attack: the API answers an online pin lookup with a server error whose body reads like riskgate's own "failed: HTTP 404" (a proxy's error page, or a forge that quotes the request), hoping the failure is taken for "this action's repository is not found" and the online checks of the impostor commit are skipped with a note instead of failing the run
# surface: range
# expect: error
# The API (lib.sh start_recorder) answers every GET 500 with that body.
start_recorder "$HOSTILE_WORK/api.log" "$HOSTILE_WORK/api.port" 500 \
  '{"message":"GET /repos/octo/tool failed: HTTP 404 (not found)"}'
api_pid=$RECORDER_PID
trap 'kill "$api_pid" 2>/dev/null' EXIT

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
