# attack: a committed token that is no file's content, a symlink's target or a tracked path's name; the staged, range and history modes read both, the worktree audit reads neither
# surface: worktree
# expect: block
new_repo
write README.md hello
token=$(fake_github_token)
plant "$token"
ln -s "$token" deploy-key
commit init
gate block check --worktree
gate block check --worktree --format json
git rm -q deploy-key
write "config/token-$token.txt" 'placeholder'
commit rename
gate block check --worktree
gate block check --worktree --format sarif
