# attack: secrets written into the names the cross-file injection finding repeats: the composite action's folder, the input's name and the caller workflow's file name carry a token, so the message that names the caller, the callee and the input prints it in every report format
# surface: range
# expect: block
base_repo
token=$(fake_github_token)
key=$(fake_aws_key_id)
plant "$token"
plant "$key"
mkdir -p ".github/actions/$token"
write ".github/actions/$token/action.yml" 'name: greet' 'inputs:' "  $key:" '    description: who' 'runs:' '  using: composite' '  steps:' "    - run: echo \"\${{ inputs.$key }}\"" '      shell: bash'
write ".github/workflows/$token.yml" 'on: issues' 'permissions: {}' 'jobs:' '  t:' '    runs-on: ubuntu-latest' '    steps:' "      - uses: ./.github/actions/$token" '        with:' "          $key: \${{ github.event.issue.title }}"
commit "names"
for format in text json sarif markdown github; do
  gate block check --base "$base" --head HEAD --format "$format"
done
expect_in_output 'passes github.event.issue.title to ./.github/actions/'
