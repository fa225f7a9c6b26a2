# attack: more than a MiB of whole-file contexts ahead of it (a large file edited first), so that riskgate drops the contexts its rule prefilter clears, then a private key body added between BEGIN and END lines the base already has, or completed by deleting a line
# surface: staged, range
# expect: block
new_repo
seq 1 250000 >big.txt
{ printf '%s%s\n' '-----BEGIN RSA PRIV' 'ATE KEY-----'; printf '%s%s\n' '-----END RSA PRIV' 'ATE KEY-----'; } >key.pem
{
  printf '%s%s\n' '-----BEGIN RSA PRIV' 'ATE KEY-----'
  printf '# rotated, see the vault\n'
  fake_key_body
  printf '%s%s\n' '-----END RSA PRIV' 'ATE KEY-----'
} >joined.pem
plant "$(fake_key_body | head -n 1)"
commit 'a large file and two key placeholders'
base=$(git rev-parse HEAD)
gate pass check --worktree
# The flood alone is clean: every context dropped, nothing found.
echo 250001 >>big.txt
commit 'one more line'
gate pass check --base "$base" --head HEAD
seq 1 1000 >>big.txt
fake_private_key >key.pem
git add -A
gate block check --staged
commit 'fill in the key'
gate block check --base "$base" --head HEAD
git reset -q --hard "$base"
echo 250001 >>big.txt
fake_private_key >joined.pem
git add -A
gate block check --staged
commit 'drop a comment'
gate block check --base "$base" --head HEAD
