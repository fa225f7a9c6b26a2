# attack: a range's checkout has many packs under a multi-pack index that no longer lists the blob adding a token (a poisoned CI cache), though a pack it covers holds it: a reader that took the index's miss for a missing object would skip the file or fall back to a path that judges nothing; the token must block
# surface: range
# expect: block
token_behind_midx
hidden=$(git rev-parse HEAD:config)
drop_from_midx "$hidden"
gate block check --base "$base" --head "$head" --format json
expect_in_output 'config'
