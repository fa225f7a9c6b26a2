# attack: a workflow names its job `null:` (a key YAML reads as null) so the file is set aside as unparsable, a warning, and the third-party action on a branch inside it is never judged
# surface: range
# expect: block
base_repo
write .github/workflows/ci.yml 'on: push' 'permissions: {}' 'jobs:' '  null:' '    runs-on: ubuntu-latest' '    steps:' '      - uses: evil-org/deploy-action@main'
commit "a job named null"
gate block check --base "$base" --head HEAD
expect_in_output 'unpinned-action'
