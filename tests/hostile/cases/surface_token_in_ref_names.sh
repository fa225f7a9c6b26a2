# attack: a token as a branch and a tag name, so that history's list of walked refs prints it (or, before ref names were judged, passed unseen though pushed)
# surface: history, merge
# expect: block (the names are pushed: a finding at <ref name>), never the token in any output
new_repo
write README.md hello
commit init
token=$(fake_github_token)
plant "$token"
git branch "feature/$token"
git tag "v-$token"
gate block history
gate block history --shard 1/1 --format json --output "$HOSTILE_WORK/h.json"
keep_output "$HOSTILE_WORK/h.json"
gate block history --format sarif
gate block merge "$HOSTILE_WORK/h.json"
