# attack: each side of a merge holds half of a secret (a token's halves; a key's BEGIN/END lines and its body) and only the conflict resolution joins them; a later commit removes the result
# surface: range
# expect: block
new_repo tokens
write README.md hello
commit init
base=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
git checkout -q -b left
write token.txt "TOKEN=${token:0:20}"
commit left
git checkout -q -b right "$base"
write token.txt "TOKEN=${token:20}"
commit right
git checkout -q left
git merge -q --no-edit right >/dev/null 2>&1 || true
write token.txt "TOKEN=$token"
git add -A
git commit -q --no-edit
git rm -q token.txt
commit 'remove it'
gate block check --base "$base" --head HEAD

new_repo keys
write README.md hello
commit init
base=$(git rev-parse HEAD)
plant "$(fake_key_body | head -n 1)"
git checkout -q -b left
{ printf '%s%s\n' '-----BEGIN RSA PRIV' 'ATE KEY-----'; printf '%s%s\n' '-----END RSA PRIV' 'ATE KEY-----'; } >key.pem
commit left
git checkout -q -b right "$base"
fake_key_body >key.pem
commit right
gate pass check --base "$base" --head HEAD
git checkout -q left
git merge -q --no-edit right >/dev/null 2>&1 || true
fake_private_key >key.pem
git add -A
git commit -q --no-edit
git rm -q key.pem
commit 'remove the key'
gate block check --base "$base" --head HEAD
