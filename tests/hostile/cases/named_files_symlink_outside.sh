# attack: names that lead out of the repository: a tracked symlink to a file outside it, a path through a tracked directory symlink, an absolute path elsewhere; the gate must not read (or print) what lies outside, nor hang on a FIFO behind a link
# surface: worktree (named files)
# expect: no outside content read; names outside the repository refused
base_repo
outside="$HOSTILE_WORK/outside"
mkdir -p "$outside"
aws=$(fake_aws_key_id)
plant "$aws"
printf 'AWS_ACCESS_KEY_ID=%s\n' "$aws" >"$outside/secret.env"
mkfifo "$outside/fifo"
ln -s "$outside/secret.env" link.env
ln -s "$outside/fifo" pipe.env
ln -s "$outside" elsewhere
commit links
# A tracked symlink is judged as a link (its target is not followed), whatever it points at.
gate any check -- link.env pipe.env
if grep -q 'aws-access-key-id' "$GATE_OUT"; then fail "the target outside the repository was read"; fi
# Through a directory symlink, or by an absolute path outside: not a file of the repository.
gate error check -- elsewhere/secret.env
expect_in_output 'is not a file of the repository'
gate error check -- "$outside/secret.env"
