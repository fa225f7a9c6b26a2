# attack: a pull_request_target or issue_comment workflow checks out the PR by refs/pull/<number> or the fork's repository, spellings the check did not know
# surface: range
# expect: block
base_repo
sha=11bd71901bbe5b1630ceea73d27597364c9af683
write .github/workflows/build.yml 'on: pull_request_target' 'permissions: {contents: read}' \
  'jobs:' '  build:' '    runs-on: ubuntu-latest' '    steps:' \
  "      - {uses: actions/checkout@$sha, with: {ref: 'refs/pull/\${{ github.event.number }}/merge'}}" \
  '      - run: make'
commit "build PRs"
gate block check --base "$base" --head HEAD
expect_in_output untrusted-checkout
write .github/workflows/build.yml 'on: {issue_comment: {types: [created]}}' 'permissions: {contents: read}' \
  'jobs:' '  build:' '    runs-on: ubuntu-latest' '    steps:' \
  "      - uses: actions/checkout@$sha # v4" '        with:' \
  "          ref: refs/pull/\${{ github.event.issue.number }}/head" '      - run: make'
commit "build on comment"
gate block check --base "$base" --head HEAD
expect_in_output untrusted-checkout
