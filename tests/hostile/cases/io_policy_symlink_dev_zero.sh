# attack: the change commits .riskgate.yaml as a symlink to /dev/zero (endless read) or to a file outside the repository
# surface: staged, range, worktree
# expect: error
HOSTILE_TIMEOUT=30
new_repo
write README.md hello
commit init
token=$(fake_aws_key_id)
plant "$token"
write config.env "AWS_ACCESS_KEY_ID=$token"
ln -s /dev/zero .riskgate.yaml
git add -A
gate error check --staged
expect_in_output 'leads outside the repository'
gate error check --worktree
commit "endless policy"
# Now the base holds the symlink: a range judged from it must refuse it, not read it.
write more.env "AWS_ACCESS_KEY_ID=$token"
commit next
gate error check --base HEAD~1 --head HEAD
expect_in_output 'points outside the repository'
rm .riskgate.yaml
printf 'version: 1\n' >"$HOSTILE_WORK/outside.yaml"
ln -s "$HOSTILE_WORK/outside.yaml" .riskgate.yaml
gate error check --worktree
gate error check --worktree --policy /dev/zero
expect_in_output 'is a device'
