# attack: a token commit reachable only through an annotated tag, whose loose object is overwritten with another tag's bytes (of the clean base: a poisoned .git restored from a cache), so that a walk peeling the tag without hashing it walks the clean commit only
# surface: history
# expect: error
side_token_commit v1
tag=$(git rev-parse v1)
decoy=$(printf 'object %s\ntype commit\ntag v1\ntagger A <a@example.com> 1700000000 +0000\n\nrelease\n' \
  "$base" | git hash-object -t tag -w --stdin)
overwrite_loose "$tag" "$decoy"
gate error history --format json
expect_in_output 'does not hash to its id'
