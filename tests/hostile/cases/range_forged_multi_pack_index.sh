# attack: a range's checkout has many packs and a multi-pack index (git maintenance's incremental repack); the index is tampered with (a poisoned CI cache) to name the blob that adds a token at the place of a clean blob, so that a reader trusting the index scans the clean text and passes the commit
# surface: range
# expect: error
token_behind_midx
dirty=$(git rev-parse HEAD:config)
clean=$(git rev-parse HEAD:other.txt)
point_midx_at "$dirty" "$clean"
gate error check --base "$base" --head "$head" --format json
expect_in_output 'does not hash to its id'
