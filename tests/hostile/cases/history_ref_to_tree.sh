# attack: a file holding a token reachable only through a ref pointing straight at a tree: git clones and pushes it, but the walk starts only from refs that lead to commits, so the audit passes
# surface: history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
blob=$(printf 'github_token = %s\n' "$token" | git hash-object -w --stdin)
tree=$(printf '100644 blob %s\tconfig\n' "$blob" | git mktree)
git update-ref refs/tags/treeref "$tree"
git rev-list --objects --all | grep -c "$blob" >/dev/null || fail 'git does not reach the blob'
gate block history --format json
