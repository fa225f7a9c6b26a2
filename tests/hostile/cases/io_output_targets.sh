# attack: --output aimed at a device, a symlink to /dev/stdout, a folder, a missing folder, or two formats into one file (as root, replacing /dev/null with a regular file breaks the machine)
# surface: worktree
# expect: error
new_repo
write README.md hello
commit init
ln -s /dev/stdout out
gate pass check --worktree --format json --output out
[ -L out ] || fail "the symlink to /dev/stdout was replaced by a file"
grep -q '"decision"' "$GATE_OUT" || fail "the report written to /dev/stdout did not reach standard output"
ln -s /dev/null null
gate pass check --worktree --output null
[ -L null ] && [ -c /dev/null ] || fail "the symlink to /dev/null (or /dev/null itself) was replaced"
mkfifo pipe
(cat pipe >"$HOSTILE_WORK/from-pipe") &
gate pass check --worktree --format json --output pipe
wait
[ -p pipe ] || fail "the FIFO was replaced by a file"
grep -q '"decision"' "$HOSTILE_WORK/from-pipe" || fail "nothing was written into the FIFO"
mkdir dir
gate error check --worktree --output dir
expect_in_output 'is a folder'
gate error check --worktree --output missing/r.txt
[ ! -e missing ] || fail "a missing output folder was created"
gate error check --worktree --format json --output r.json --format sarif --output ./r.json
expect_in_output 'are the same file'
[ ! -e r.json ] || fail "a report was written although the outputs collide"
