# attack: the only route to a token commit is a tag of a tag of a tag ... 70 deep: a peel that gives up at a bound and takes the ref for one with no history would pass
# surface: history
# expect: error
side_token_commit
target=$secret
for i in $(seq 1 70); do
  git tag -a "t$i" -m "tag $i" "$target" 2>/dev/null
  target=$(git rev-parse "t$i")
  [ "$i" -eq 70 ] || git tag -d "t$i" >/dev/null
done
[ "$(git rev-parse 't70^{commit}')" = "$secret" ] || fail 'the chain does not reach the commit'
gate error history --format json
expect_in_output 'tags in a chain'
