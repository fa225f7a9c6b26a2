# attack: the repository holds megabytes of workflows (padding committed earlier, sorted before the change's file) so that reading every workflow for the callers of a composite action runs out of its budget before the change's new caller, which passes an issue's title to an input the action runs in a shell: the injection would go unreported, or the reading would take unbounded time and memory
# surface: range
# expect: block
base_repo
mkdir -p .github/actions/greet .github/workflows
write .github/actions/greet/action.yml 'name: greet' 'inputs:' '  who:' '    description: who' 'runs:' '  using: composite' '  steps:' '    - run: echo "hello ${{ inputs.who }}"' '      shell: bash'
/usr/bin/python3 - <<'PY'
line = "# " + "padding " * 12 + "\n"
body = "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n"
for i in range(12):
    with open(".github/workflows/a%02d.yml" % i, "w") as f:
        f.write(body + line * (1000000 // len(line)))
PY
commit "padding"
base=$(git rev-parse HEAD)
write .github/workflows/zz.yml 'on: issues' 'permissions: {}' 'jobs:' '  t:' '    runs-on: ubuntu-latest' '    steps:' '      - uses: ./.github/actions/greet' '        with:' '          who: ${{ github.event.issue.title }}'
commit "caller"
gate block check --base "$base" --head HEAD
expect_in_output 'passes github.event.issue.title to ./.github/actions/greet'
expect_in_output 'were read in 10 workflows only'
