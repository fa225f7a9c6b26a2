# attack: a linked worktree's HEAD file that is neither a commit id nor a ref (garbage), then a FIFO in its place: a reader that skips what it cannot parse would drop that HEAD's history, and one that opens a FIFO would wait forever
# surface: history
# expect: error
worktree_token_commit "$HOSTILE_WORK/linked"
head_file=.git/worktrees/linked/HEAD
[ -f "$head_file" ] || fail 'no worktree HEAD file'
printf 'not a commit\n' >"$head_file"
gate error history --format json
expect_in_output 'worktrees/linked/HEAD'
rm -f "$head_file"
mkfifo "$head_file"
gate error history --format json
expect_in_output 'worktrees/linked/HEAD'
