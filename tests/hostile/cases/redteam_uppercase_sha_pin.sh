# attack: a third-party action "pinned" to 40 UPPER-CASE hex digits: commit ids are lower case, so the ref can be a branch or tag the action's owner named that way and moves at will, yet the pins control accepts it as a SHA pin
# surface: staged, range (CI)
# expect: block
base_repo
write .github/workflows/ci.yml 'on: push' 'permissions: {}' 'jobs:' '  a:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - uses: evil-org/deploy-action@B4FFDE65F46336AB88EB53BE808477A3936BAE11 # v1'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
