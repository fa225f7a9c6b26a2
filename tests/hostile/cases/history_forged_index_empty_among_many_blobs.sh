# attack: a poisoned .git points the secret blob's index entry at an empty blob among 120 harmless ones of every size, so that its check against its id is the shortest message of a batch hashed many at a time and the audit passes
# surface: history
# expect: error
forge_secret_among_spread_files spread/empty.txt
[ "$(git cat-file -s "$forged")" = 0 ] || fail 'the index was not forged'
gate error history --format json
expect_in_output 'does not hash to its id'
