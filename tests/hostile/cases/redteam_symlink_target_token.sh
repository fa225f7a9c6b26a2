# attack: the token is the target of a committed symlink, so the blob that holds it (and is pushed) is "skipped (symlink)" and never scanned
# surface: staged, range (CI), history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
ln -s "$token" deploy-key
ln -s "config/ghp/$token" nested-link
git add -A
gate block check --staged
commit change
export CI=true GITHUB_ACTIONS=true
gate block check --base "$base" --head HEAD
unset CI GITHUB_ACTIONS
gate block history
