# attack: a change that only deletes lines (the checksum check after a download; the permissions block of a workflow, a medium finding that warns) creates a finding on lines it never touched
# surface: staged, range
# expect: block
new_repo
sha=11bd71901bbe5b1630ceea73d27597364c9af683
workflow() {
  printf 'name: ci\non: push\n'
  [ "$1" = scoped ] && printf 'permissions:\n  contents: read\n'
  printf 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n'
  printf '      - uses: actions/checkout@%s\n      - run: |\n' "$sha"
  printf '          curl -LO https://x.example/tool\n'
  [ "$2" = verified ] && printf '          sha256sum -c tool.sha256\n'
  printf '          ./tool\n'
}
mkdir -p .github/workflows
workflow scoped verified >.github/workflows/ci.yml
commit 'verified download'
base=$(git rev-parse HEAD)
gate pass check --base "$base" --head HEAD
workflow scoped unverified >.github/workflows/ci.yml
git add -A
gate block check --staged
commit 'skip the checksum'
gate block check --base "$base" --head HEAD
git checkout -q -b perms "$base"
workflow open verified >.github/workflows/ci.yml
git add -A
gate pass check --staged
expect_in_output 'excessive-permissions'
commit 'drop permissions'
gate pass check --base "$base" --head HEAD
expect_in_output 'excessive-permissions'
