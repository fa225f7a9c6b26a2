# attack: a token as an annotated tag's own name (its object's `tag` line, pushed with it) under a clean ref name; neither the tag's message nor the ref's name holds it
# surface: history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
tag=$(printf 'object %s\ntype commit\ntag %s\ntagger T <t@example.com> 1700000000 +0000\n\nrelease\n' \
  "$(git rev-parse HEAD)" "$token" | git mktag)
git update-ref refs/tags/v2 "$tag"
git cat-file tag v2 | grep -c "^tag $token" >/dev/null || fail 'the tag object has no such name'
gate block history --format json
expect_in_output '<ref name>'
