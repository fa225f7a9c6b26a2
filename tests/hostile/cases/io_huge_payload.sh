# attack: a 1 GB event payload (and a 1 GB policy) to exhaust memory or time
# surface: github, worktree
# expect: error
HOSTILE_TIMEOUT=30
new_repo
write README.md hello
commit init
truncate -s 1G "$HOSTILE_WORK/event.json"
GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push GITHUB_EVENT_PATH="$HOSTILE_WORK/event.json" \
  gate error check
expect_in_output 'is larger than the 64 MiB allowed'
truncate -s 1G .riskgate.yaml
gate error check --worktree
expect_in_output 'is larger than'
