# attack: a token as a branch and a tag name, so that history's list of walked refs prints it
# surface: history, merge
# expect: pass (nothing to block), never the token in any output
new_repo
write README.md hello
commit init
token=$(fake_github_token)
plant "$token"
git branch "feature/$token"
git tag "v-$token"
gate pass history
gate pass history --shard 1/1 --format json --output "$HOSTILE_WORK/h.json"
keep_output "$HOSTILE_WORK/h.json"
gate pass history --format sarif
gate pass merge "$HOSTILE_WORK/h.json"
