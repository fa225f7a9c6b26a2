# attack: a token committed and removed, then a tip commit in a shape libgit2 refuses but git reads (no author line), so that a walk which peels each ref with libgit2 takes the refusal for "a ref to a tree or blob", walks nothing and passes
# surface: history
# expect: error
commit_token_config
git rm -q config
commit 'remove config'
clean=$(git rev-parse HEAD)
tree=$(git rev-parse 'HEAD^{tree}')
tip=$(printf 'tree %s\nparent %s\ncommitter A <a@example.com> 1700000000 +0000\n\ntidy\n' \
  "$tree" "$clean" | git hash-object -t commit --literally -w --stdin)
git update-ref refs/heads/main "$tip"
[ "$(git rev-list --count HEAD)" = 4 ] || fail 'git does not walk past the tip'
gate error history --format json
expect_in_output "$tip"
