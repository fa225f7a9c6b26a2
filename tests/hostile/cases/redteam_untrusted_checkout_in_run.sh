# attack: a pull_request_target workflow checks out the pull request's code with a run step (`gh pr checkout N`, `git fetch origin refs/pull/N/head && git checkout FETCH_HEAD`, `git checkout <head.sha>`) instead of actions/checkout's `ref:`, then builds it with the base's secrets
# surface: staged, range (CI)
# expect: block
base_repo
wf() {
  write ".github/workflows/$1.yml" 'on: pull_request_target' 'permissions:' '  contents: read' 'jobs:' '  test:' \
    '    runs-on: ubuntu-latest' '    steps:' \
    '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1' \
    "      - run: $2" \
    '      - run: make test' '        env:' "          DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}"
}
wf gh 'gh pr checkout ${{ github.event.pull_request.number }}'
git add -A
gate block check --staged
git reset -q --hard
wf fetch 'git fetch origin refs/pull/${{ github.event.number }}/head && git checkout FETCH_HEAD'
git add -A
gate block check --staged
git reset -q --hard
wf sha 'git fetch origin ${{ github.event.pull_request.head.sha }} && git checkout ${{ github.event.pull_request.head.sha }}'
commit change
export CI=true
gate block check --base "$base" --head HEAD
