# attack: a token committed on a detached HEAD in a linked worktree (git worktree add --detach): no ref reaches that commit, but git log --all walks every worktree's HEAD and shows it; a walk of the refs and the main HEAD alone passes
# surface: history
# expect: block
worktree_token_commit "$HOSTILE_WORK/linked"
git log --all -p | grep -c ghp_ >/dev/null || fail 'git log --all does not walk the worktree HEAD'
gate block history --format json
expect_in_output 'worktrees/'
