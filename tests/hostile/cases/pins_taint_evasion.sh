# attack: a workflow expands an issue's title into a script without naming it there: through a job env variable read with index syntax, a step output written as a multi-line value, and a matrix built from the comment at run time, so no ${{ github.event... }} ever appears inside run:
# surface: range
# expect: block
base_repo
write .github/workflows/triage.yml 'on: [issues, issue_comment]' 'permissions: {}' 'jobs:' '  triage:' '    runs-on: ubuntu-latest' '    env:' "      T: \${{ github['event']['issue']['title'] }}" '    steps:' '      - id: read' '        run: |' '          echo "v<<END" >> "$GITHUB_OUTPUT"' '          echo "$T" >> "$GITHUB_OUTPUT"' '          echo "END" >> "$GITHUB_OUTPUT"' "      - run: echo \${{ env['t'] }}" '      - run: echo ${{ steps.read.outputs.v }}' '  fan:' '    runs-on: ubuntu-latest' '    strategy:' '      matrix: ${{ fromJSON(github.event.comment.body) }}' '    steps:' '      - run: ./build ${{ matrix.target }}'
commit "triage"
gate block check --base "$base" --head HEAD
expect_in_output 'script-injection'
expect_in_output 'through env.T'
expect_in_output 'through steps.read.outputs.v'
expect_in_output 'through the matrix'
