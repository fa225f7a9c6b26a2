# attack: a range that adds a token, reverts it, then adds it back elsewhere, or edits an old key's file, counting on identity checks to call it old
# surface: range
# expect: block
base_repo
token=$(fake_gitlab_token)
plant "$token"
write a.env "TOKEN=$token"
commit add
git revert --no-edit HEAD >/dev/null
write b.env "TOKEN=$token"
commit 're-add elsewhere'
gate block check --base "$base" --head HEAD
# The re-added token alone in a range of its own.
mid=$(git rev-parse HEAD~1)
gate block check --base "$mid" --head HEAD
