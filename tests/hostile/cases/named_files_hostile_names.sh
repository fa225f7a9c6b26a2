# attack: file names the change chose, passed by `pre-commit run --all-files` as arguments: a name with a newline and a terminal escape, one that looks like an option, one with spaces and `..`, hoping one is read as an option, misses the index lookup (and is judged as nothing), or reaches the terminal raw
# surface: worktree (named files)
# expect: block, no raw control character in the output
base_repo
aws=$(fake_aws_key_id)
plant "$aws"
odd=$(printf 'conf\n\033[2Kig.env')
write "$odd" "AWS_ACCESS_KEY_ID=$aws"
printf 'AWS_ACCESS_KEY_ID=%s\n' "$aws" >./--policy=off.yaml
write 'dir with space/key.env' "AWS_ACCESS_KEY_ID=$aws"
write off.yaml 'version: 1' 'controls:' '  secrets: {enabled: false}'
commit planted
gate block check -- "$odd"
expect_in_output 'AWS access key'
if grep -q $'\033' "$GATE_OUT" "$GATE_ERR"; then fail "a raw escape from a file name reached the output"; fi
gate block check -- '--policy=off.yaml'
expect_in_output 'policy: builtin:default'
gate block check -- 'dir with space/../dir with space/key.env'
# A name git does not track, an empty name and the repository itself are refused, not judged as nothing.
gate error check -- 'not-tracked.env'
gate error check -- ''
gate error check -- .
