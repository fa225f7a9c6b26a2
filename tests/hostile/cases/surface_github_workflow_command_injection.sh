# attack: a file name and line carry GitHub workflow commands (::add-mask::, ::stop-commands::, %0A) to forge annotations or silence the log
# surface: range, --format github
# expect: block
base_repo
token=$(fake_aws_key_id)
plant "$token"
name=$'evil\n::stop-commands::pwned\n%0A::notice::ok.env'
printf 'AWS_ACCESS_KEY_ID=%s\n' "$token" >"$name"
commit "add"
gate block check --base "$base" --head HEAD --format github
# riskgate's own annotations are the only workflow commands: none of the change's reaches a line start.
if grep -aE '^(::stop-commands::pwned|::notice::ok|%0A::notice)' "$GATE_OUT" >/dev/null; then
  fail "a workflow command from the change reached the log: $(grep -aE '^::' "$GATE_OUT" | head -3)"
fi
gate block check --base "$base" --head HEAD --format markdown
