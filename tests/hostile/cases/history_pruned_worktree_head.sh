# attack: a token committed on a detached HEAD in a linked worktree whose folder was then deleted (not pruned): git log --all still walks the HEAD its metadata keeps and shows the token; a walk that opens each worktree to read its HEAD fails there or skips it
# surface: history
# expect: block
worktree_token_commit "$HOSTILE_WORK/gone"
rm -rf "$HOSTILE_WORK/gone"
git log --all -p | grep -c ghp_ >/dev/null || fail 'git log --all does not walk the worktree HEAD'
gate block history --format json
expect_in_output 'worktrees/gone/HEAD'
