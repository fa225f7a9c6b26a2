# attack: the policy, the waivers file and the CI event payload are FIFOs nobody writes to, so a read would wait forever
# surface: worktree, github
# expect: error
HOSTILE_TIMEOUT=30
new_repo
write README.md hello
commit init
mkfifo .riskgate.yaml
gate error check --worktree
expect_in_output 'is a FIFO'
rm .riskgate.yaml
mkdir -p .riskgate
mkfifo .riskgate/waivers.yaml
gate error check --worktree
rm .riskgate/waivers.yaml
mkfifo "$HOSTILE_WORK/event.json"
GITHUB_ACTIONS=true GITHUB_EVENT_NAME=push GITHUB_EVENT_PATH="$HOSTILE_WORK/event.json" \
  gate error check
expect_in_output 'is a FIFO'
gate error check --worktree --policy "$HOSTILE_WORK/event.json"
