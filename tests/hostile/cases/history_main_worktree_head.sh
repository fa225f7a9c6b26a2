# attack: the audit runs inside a linked worktree while the token commit is reachable only from the main worktree's detached HEAD: git log --all (run there too) walks main-worktree/HEAD and shows it; a walk of the refs and its own worktree's HEAD passes
# surface: history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write config "GITHUB_TOKEN=$token"
commit 'add config'
git checkout -q --detach
git branch -q -f main "$base"
git worktree add -q "$HOSTILE_WORK/linked" main
cd "$HOSTILE_WORK/linked"
git log --all -p | grep -c ghp_ >/dev/null || fail 'git log --all does not walk the main worktree HEAD'
gate block history --format json
expect_in_output 'main-worktree/HEAD'
