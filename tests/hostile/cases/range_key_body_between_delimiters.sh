# attack: a private key body added between BEGIN and END lines that the base already has, so no added line holds a whole match
# surface: staged, range
# expect: block
new_repo
{ printf '%s%s\n' '-----BEGIN RSA PRIV' 'ATE KEY-----'; printf '%s%s\n' '-----END RSA PRIV' 'ATE KEY-----'; } >key.pem
commit 'key placeholder'
base=$(git rev-parse HEAD)
plant "$(fake_key_body | head -n 1)"
fake_private_key >key.pem
git add -A
gate block check --staged
commit 'fill in the key'
gate block check --base "$base" --head HEAD
# Renamed and filled in one commit.
git checkout -q -b renamed "$base"
git mv key.pem deploy.pem
fake_private_key >deploy.pem
git add -A
gate block check --staged
commit 'rename and fill'
gate block check --base "$base" --head HEAD
