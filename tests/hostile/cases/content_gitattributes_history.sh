# attack: the change's .gitattributes marks files binary/-diff/-text so the history audit skips them
# surface: history, range
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write .gitattributes '* -diff -text' '*.yml binary' '*.cfg diff=nothing'
write .github/workflows/ci.yml 'on: pull_request_target' 'jobs: {}'
write app.cfg "password_token=$token"
commit "attributes first"
gate block history
gate block check --base "$base" --head HEAD
