# attack: a commit's tree is written by hand (git hash-object --literally): entries out of git's order and the name 'config' twice, a clean blob first and a token second, hoping that a tree comparison that looks names up or merges in order pairs the token with the clean 'config' and calls it unchanged; then a tree nested 4,200 levels deep, hoping the walk recurses until it crashes
# surface: history
# expect: block, then error
new_repo
write config 'user = me'
write README.md 'hello'
commit base
token=$(fake_github_token)
plant "$token"
clean=$(git rev-parse HEAD:config)
readme=$(git rev-parse HEAD:README.md)
dirty=$(printf 'GITHUB_TOKEN=%s\n' "$token" | git hash-object -w --stdin)
tree=$(literal_tree config "$clean" README.md "$readme" config "$dirty")
commit=$(git commit-tree "$tree" -p HEAD -m 'tidy')
git update-ref refs/heads/main "$commit"
gate block history --format json
expect_in_output 'github'
# A tree that nests deeper than any checkout: refused with an error, not a crash.
deep=$(deep_tree 4200)
commit=$(git commit-tree "$deep" -p HEAD -m 'deep')
git update-ref refs/heads/main "$commit"
gate error history --format json
expect_in_output 'nested deeper'
