# attack: a pull_request_target workflow checks out the pull request's head with the expression index syntax (github.event['pull_request']['head']['sha'], github['head_ref']) so no dotted marker matches, then builds it with the base's secrets
# surface: staged, range (CI)
# expect: block
base_repo
co() {
  write ".github/workflows/$1.yml" 'on: pull_request_target' 'permissions:' '  contents: read' 'jobs:' '  build:' \
    '    runs-on: ubuntu-latest' '    steps:' \
    '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4.1.1' \
    '        with:' "          ref: $2" \
    '      - run: make test' '        env:' "          TOKEN: \${{ secrets.DEPLOY_TOKEN }}"
}
co sha "\${{ github.event['pull_request']['head']['sha'] }}"
git add -A
gate block check --staged
git reset -q --hard
co ref "\${{ github['head_ref'] }}"
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
