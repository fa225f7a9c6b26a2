# attack: an evil merge writes a token (removed again by the next commit) into files whose names a path filter could read as patterns or negations ('!x', '#x', 'a*b', '[x]', a leading space), hoping that the merge diff, now restricted to the paths that differ from every parent, drops them
# surface: range
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
names=('!notes.txt' '#notes.txt' 'a*b.txt' 'dir/[x].txt' ' lead.txt')
mkdir -p dir
for name in "${names[@]}"; do write "$name" 'notes'; done
commit 'notes'
base=$(git rev-parse HEAD)
git checkout -q -b side
write side.txt 'side work'
commit 'side work'
git checkout -q main
write main.txt 'main work'
commit 'main work'
for name in "${names[@]}"; do
  git checkout -q main
  git branch -q -f work main
  git checkout -q work
  git merge -q --no-ff --no-commit side
  write "$name" "GITHUB_TOKEN=$token"
  git add -A
  git commit -q --no-edit
  write "$name" 'notes'  # gone again: only the merge itself shows it
  commit 'tidy'
  gate block check --base "$base" --head HEAD
done
