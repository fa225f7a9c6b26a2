# attack: the object store's pack index names the blob holding a secret at the place of a harmless blob (a poisoned .git restored from a cache), so that reading the secret's id yields clean text and a full history audit passes
# surface: history
# expect: error
new_repo
write README.md 'hello'
commit base
secret=$(fake_aws_key_id)
plant "$secret"
write settings.ini "aws_access_key_id = $secret"
write notes.txt 'nothing to see'
commit settings
git repack -adq
forged=$(git rev-parse HEAD:settings.ini)
harmless=$(git rev-parse HEAD:notes.txt)
point_index_at "$forged" "$harmless"
[ "$(git cat-file -p "$forged")" = 'nothing to see' ] || fail 'the index was not forged'
gate error history --format json
expect_in_output 'does not hash to its id'
