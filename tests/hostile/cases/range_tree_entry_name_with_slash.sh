# attack: a commit's hand-made tree keeps the parent's clean 'config' and adds an entry named 'x/../config' (a name git would never write, with a slash) holding a token, hoping the range's own tree comparison pairs it with 'config', drops it as a path no checkout can hold, or crashes on it
# surface: range
# expect: block
base_repo
write config 'user = me'
commit config
base=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
clean=$(git rev-parse HEAD:config)
readme=$(git rev-parse HEAD:README.md)
dirty=$(printf 'GITHUB_TOKEN=%s\n' "$token" | git hash-object -w --stdin)
tree=$(literal_tree README.md "$readme" config "$clean" 'x/../config' "$dirty")
commit=$(git commit-tree "$tree" -p "$base" -m 'tidy')
gate block check --base "$base" --head "$commit" --format json
expect_in_output 'github'
