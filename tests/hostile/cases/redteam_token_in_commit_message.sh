# attack: the token is only in a commit message body: the bytes are pushed and shown on the pull request, but no file of the change holds them, so nothing scans them
# surface: range (CI), history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write app.txt 'v2'
git add -A
git commit -q --no-verify -m 'bump app' -m "debug: deploy with GH_TOKEN=$token"
export CI=true GITHUB_ACTIONS=true
gate block check --base "$base" --head HEAD
unset CI GITHUB_ACTIONS
gate block history
