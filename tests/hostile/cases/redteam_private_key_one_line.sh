# attack: a private key pasted on one line, its PEM lines joined by spaces, tabs or lone carriage returns (how keys land in .env files and CI variable dumps), so the BEGIN line is not followed by a newline
# surface: staged, range (CI)
# expect: block
base_repo
plant "$(fake_key_body | head -n1)"
{ printf 'DEPLOY_KEY='; fake_private_key | tr '\n' ' '; printf '\n'; } >deploy.env
git add -A
gate block check --staged
fake_private_key | tr '\n' '\t' >key-tab.txt
fake_private_key | tr '\n' '\r' >key-cr.pem
git add -A
commit change
export CI=true
gate block check --base "$base" --head HEAD
# the lone-CR form alone (a file with old Mac line endings)
git checkout -q -b alt "$base"
fake_private_key | tr '\n' '\r' >key-cr.pem
commit cr-only
gate block check --base "$base" --head HEAD
