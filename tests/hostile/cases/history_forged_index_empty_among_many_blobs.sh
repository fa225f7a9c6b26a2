# attack: a poisoned .git points the secret blob's index entry at an empty blob among 120 harmless ones of every size, so that its check against its id is the shortest message of a batch hashed many at a time and the audit passes
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
harmless=$(git rev-parse HEAD:spread/empty.txt)
point_index_at "$forged" "$harmless"
[ "$(git cat-file -s "$forged")" = 0 ] || fail 'the index was not forged'
gate error history --format json
expect_in_output 'does not hash to its id'
