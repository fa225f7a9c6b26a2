# attack: a token commit reachable only through an annotated tag whose ref is packed, with its peeled line in .git/packed-refs edited to name the clean base commit: no object is touched, git log --all reads the tag object and shows the token, and a peel that trusts the cached value walks the base only
# surface: history
# expect: block
side_token_commit v1
git pack-refs --all
sed -i "s/^\^$secret/^$base/" .git/packed-refs
grep -q "^\^$base" .git/packed-refs || fail 'packed-refs was not edited'
git log --all -p | grep -c ghp_ >/dev/null || fail 'git does not show the token'
gate block history --format json
expect_in_output 'github-pat-classic'
