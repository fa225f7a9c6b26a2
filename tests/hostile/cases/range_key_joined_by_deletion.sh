# attack: a comment line between a key's BEGIN line and its body keeps the base's key from matching; a change that only deletes that line (no added line at all) completes the key
# surface: staged, range
# expect: block
new_repo
{
  printf '%s%s\n' '-----BEGIN RSA PRIV' 'ATE KEY-----'
  printf '# rotated, see the vault\n'
  fake_key_body
  printf '%s%s\n' '-----END RSA PRIV' 'ATE KEY-----'
} >key.pem
plant "$(fake_key_body | head -n 1)"
commit 'a broken key'
base=$(git rev-parse HEAD)
gate pass check --worktree
fake_private_key >key.pem
git add -A
gate block check --staged
commit 'drop a comment'
gate block check --base "$base" --head HEAD
