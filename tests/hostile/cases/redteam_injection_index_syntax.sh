# attack: a workflow expands attacker-controlled text into a run script using the expression language's index syntax (github.event['issue']['title'], github['head_ref'], head['ref']) instead of dots, so the script-injection pattern does not see it
# surface: staged, range (CI)
# expect: block
base_repo
wf() {
  write ".github/workflows/$1.yml" "on: [issues, pull_request_target]" 'permissions: {}' 'jobs:' '  a:' \
    '    runs-on: ubuntu-latest' '    steps:' "      - run: echo \"$2\""
}
wf title "\${{ github.event['issue']['title'] }}"
git add -A
gate block check --staged
git reset -q --hard
wf headref "\${{ github['head_ref'] }}"
git add -A
gate block check --staged
git reset -q --hard
wf prref "\${{ github.event.pull_request.head['ref'] }}"
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
