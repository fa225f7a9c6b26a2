# attack: a poisoned .git points the secret blob's index entry at the largest of 120 harmless blobs, so that its check against its id runs in the last lanes of a batch hashed many at a time (where the CPU has AVX-512, handed between the two lane engines) and the audit passes
# surface: history
# expect: error
forge_secret_among_spread_files spread/file120.txt
[ "$(git cat-file -s "$forged")" -gt 20000 ] || fail 'the index was not forged'
gate error history --format json
expect_in_output 'does not hash to its id'
