# attack: a poisoned .git points the secret blob's index entry at the largest of 120 harmless blobs, so that its check against its id runs in the last lanes of a batch hashed many at a time (where the CPU has AVX-512, handed between the two lane engines) and the audit passes
# surface: history
# expect: error
new_repo
write README.md 'hello'
commit base
write_spread_files 120 200
secret=$(fake_aws_key_id)
plant "$secret"
write settings.ini "aws_access_key_id = $secret"
commit settings
git repack -adq
forged=$(git rev-parse HEAD:settings.ini)
harmless=$(git rev-parse HEAD:spread/file120.txt)
point_index_at "$forged" "$harmless"
[ "$(git cat-file -s "$forged")" -gt 20000 ] || fail 'the index was not forged'
gate error history --format json
expect_in_output 'does not hash to its id'
