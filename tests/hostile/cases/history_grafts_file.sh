# attack: .git/info/grafts makes a loose commit holding a token the parent of the tip: git log -p (which still reads grafts) shows the token, while a walk that follows only the objects' own parents never reads that commit and the audit passes
# surface: history
# expect: error
side_token_commit
write README.md 'tip'
commit tip
printf '%s %s\n' "$(git rev-parse HEAD)" "$secret" >.git/info/grafts
git log -p 2>/dev/null | grep -c ghp_ >/dev/null || fail 'git does not follow the graft'
gate error history --format json
expect_in_output 'grafts'
