# attack: a merge whose second parent is an old commit outside the range brings back a token the base had removed, and a later commit removes it again
# surface: range
# expect: block
new_repo
write README.md hello
commit init
token=$(fake_github_token)
plant "$token"
write old.env "GITHUB_TOKEN=$token"
commit 'old leak'
old=$(git rev-parse HEAD)
git rm -q old.env
commit 'removed'
base=$(git rev-parse HEAD)
write work.txt work
commit work
# git merge would call the old commit merged already; commit-tree records the merge anyway.
write old.env "GITHUB_TOKEN=$token"
git add -A
merge=$(git commit-tree "$(git write-tree)" -p HEAD -p "$old" -m merge)
git reset -q --hard "$merge"
git rm -q old.env
commit 'hide it'
gate block check --base "$base" --head HEAD
