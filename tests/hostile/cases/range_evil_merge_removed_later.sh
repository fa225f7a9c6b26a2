# attack: a merge commit adds a token that neither parent had, and a later commit removes it, so the net diff is clean
# surface: range
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
git checkout -q -b side
write side.txt 'side work'
commit 'side work'
git checkout -q main
write main.txt 'main work'
commit 'main work'
git merge -q --no-ff --no-commit side
write config.env "GITHUB_TOKEN=$token"
git add -A
git commit -q --no-edit
git rm -q config.env
commit 'remove it again'
gate block check --base "$base" --head HEAD
# The same with the base as the merge's first parent.
git checkout -q -b again "$base"
git merge -q --no-ff --no-commit side
write config.env "GITHUB_TOKEN=$token"
git add -A
git commit -q --no-edit
git rm -q config.env
commit 'remove it again'
gate block check --base "$base" --head HEAD
