# attack: terminal escape sequences (OSC 52 clipboard write, screen clear, title) in a path, a commit subject and a file line
# surface: staged, range, text output
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
esc=$'\e]52;c;cm0gLXJmIH4K\a\e[2J\e]0;title\a'
printf 'token=%s %s\n' "$token" "$esc" >"cfg${esc}.txt"
git add -A
gate block check --staged --color never
if grep -qaP '\x1b|\x07' "$GATE_OUT" "$GATE_ERR"; then fail "a raw escape byte reached the terminal output"; fi
git commit -q --no-verify -m "subject ${esc} done"
gate block check --base "$base" --head HEAD --color always
if grep -qaP '\x1b\]|\x07' "$GATE_OUT" "$GATE_ERR"; then fail "an OSC sequence from the change reached the terminal output"; fi
