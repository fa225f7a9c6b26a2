# attack: the injection is split across files so that no file holds both halves: the base already has a composite action and a reusable workflow that expand their string inputs into a shell (a caller's input: low), and the change only adds workflows that pass them an issue's title and a pull request's branch name, while another change edits the composite action after its attacker-fed caller is already in the base
# surface: range, staged
# expect: block
base_repo
mkdir -p .github/actions/greet
write .github/actions/greet/action.yml 'name: greet' 'inputs:' '  who:' '    description: who' 'runs:' '  using: composite' '  steps:' '    - run: echo "hello ${{ inputs.who }}"' '      shell: bash'
write .github/workflows/reuse.yml 'on:' '  workflow_call:' '    inputs:' '      branch: {type: string}' 'permissions: {}' 'jobs:' '  r:' '    runs-on: ubuntu-latest' '    steps:' '      - run: git log "${{ inputs.branch }}"'
commit "helpers"
base=$(git rev-parse HEAD)
write .github/workflows/triage.yml 'on: issues' 'permissions: {}' 'jobs:' '  t:' '    runs-on: ubuntu-latest' '    env:' '      TITLE: ${{ github.event.issue.title }}' '    steps:' '      - uses: ./.github/actions/greet' '        with:' '          who: ${{ env.TITLE }}' '  call:' '    uses: ./.github/workflows/reuse.yml' '    with:' '      branch: ${{ github.head_ref }}'
commit "callers"
gate block check --base "$base" --head HEAD
expect_in_output 'passes github.event.issue.title through env.TITLE to ./.github/actions/greet'
expect_in_output 'passes github.head_ref to ./.github/workflows/reuse.yml'
# The callers are in the base now; a change to the composite action is judged with them.
base=$(git rev-parse HEAD)
write .github/actions/greet/action.yml 'name: greet' 'inputs:' '  who:' '    description: who' 'runs:' '  using: composite' '  steps:' '    - run: echo "hello ${{ inputs.who }}"' '      shell: bash' '    - run: echo "bye ${{ inputs.who }}"' '      shell: bash'
git add -A
gate block check --staged
expect_in_output 'which .github/workflows/triage.yml line 11 passes as inputs.who'
