# attack: a merge whose other parent holds a folder named after a token whose tree object is missing, so that looking the merge's paths up in that parent fails: the check and the history audit must fail closed, and no error message may print the folder's name
# surface: range
# expect: error
base_repo
token=$(fake_github_token)
plant "$token"
readme=$(git rev-parse HEAD:README.md)
file=$(printf 'a\n' | git hash-object -w --stdin)
inner=$(printf '100644 blob %s\ta.txt\n' "$file" | git mktree)
side_tree=$(printf '100644 blob %s\tREADME.md\n040000 tree %s\t%s\n' "$readme" \
  1111111111111111111111111111111111111111 "$token" | git mktree --missing)
side=$(git commit-tree "$side_tree" -p "$base" -m side)
merge_tree=$(printf '100644 blob %s\tREADME.md\n040000 tree %s\t%s\n' "$readme" "$inner" "$token" | git mktree)
merge=$(git commit-tree "$merge_tree" -p "$base" -p "$side" -m merge)
git update-ref refs/heads/main "$merge"
gate error check --base "$base" --head "$merge"
gate error history --format json
