# attack: a tracked file is replaced by a FIFO in the working tree so that a reader blocks forever
# surface: worktree
# expect: error
new_repo
write README.md hello
write config.txt plain
commit init
rm config.txt
mkfifo config.txt
HOSTILE_TIMEOUT=60 gate fails check --worktree
