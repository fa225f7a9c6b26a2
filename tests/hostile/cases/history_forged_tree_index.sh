# attack: the object store's pack index names the folder that holds a secret at the place of a harmless folder (a poisoned .git restored from a cache), so that the history walk reads clean entries for it and never reaches the secret's path; the trees' hashes are checked a few at a time after they are parsed, and nothing the walk learnt from them may be used before
# surface: history
# expect: error
new_repo
write clean/notes.txt 'nothing to see'
commit base
secret=$(fake_aws_key_id)
plant "$secret"
write vault/settings.ini "aws_access_key_id = $secret"
commit settings
git repack -adq
forged=$(git rev-parse HEAD:vault)
harmless=$(git rev-parse HEAD:clean)
point_index_at "$forged" "$harmless"
# git itself now reads the harmless folder's entries for the forged id, and refuses them.
read_back=$(git cat-file -p "$forged" 2>&1 || true)
case "$read_back" in *'hash mismatch'*) ;; *) fail 'the index was not forged' ;; esac
gate error history --format json
expect_in_output 'does not hash to its id'
