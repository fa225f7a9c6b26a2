# attack: --max-file-size 0 or a negative size makes every file "too large", so nothing is scanned
# surface: staged, range, history
# expect: error
base_repo
token=$(fake_github_token)
plant "$token"
write deploy.env "GITHUB_TOKEN=$token"
git add -A
gate error check --staged --max-file-size 0
gate error check --staged --max-file-size=-5
commit "a token"
gate error check --base "$base" --head HEAD --max-file-size 0
gate error check --base "$base" --head HEAD --max-file-size=-1
gate error history --max-file-size 0
gate error history --max-file-size=-5
gate block check --base "$base" --head HEAD
