# attack: the change's own .gitattributes marks *.txt and *.yml -diff so libgit2 calls them binary
# surface: staged, range, worktree
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write .gitattributes '*.txt -diff' '*.yml -diff' '*.env binary'
write notes.txt "token: $token"
write deploy.env "GITHUB_TOKEN=$token"
git add -A
gate block check --staged
commit "hide a token behind attributes"
gate block check --base "$base" --head HEAD
gate block check --worktree
