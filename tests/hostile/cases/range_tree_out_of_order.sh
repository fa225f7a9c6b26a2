# attack: a commit of a range has a hand-made tree (git hash-object --literally): entries out of git's order and the name 'config' twice, the clean blob its parent has first and a token second, hoping the range's own tree comparison (which no longer asks libgit2, whose iterator sorted entries) pairs the clean 'config' with the parent's and calls the file unchanged; then a tree nested 4,200 levels deep, hoping the comparison recurses until it crashes
# surface: range
# expect: block, then error
base_repo
write config 'user = me'
commit config
base=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
clean=$(git rev-parse HEAD:config)
readme=$(git rev-parse HEAD:README.md)
dirty=$(printf 'GITHUB_TOKEN=%s\n' "$token" | git hash-object -w --stdin)
tree=$(literal_tree config "$clean" README.md "$readme" config "$dirty")
commit=$(git commit-tree "$tree" -p "$base" -m 'tidy')
gate block check --base "$base" --head "$commit" --format json
expect_in_output 'github'
# A tree that nests deeper than any checkout: refused with an error, not a crash.
deep=$(deep_tree 4200)
commit=$(git commit-tree "$deep" -p "$base" -m 'deep')
gate error check --base "$base" --head "$commit" --format json
expect_in_output 'nested deeper'
