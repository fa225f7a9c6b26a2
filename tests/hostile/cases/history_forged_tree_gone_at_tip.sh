# attack: the pack index names a folder that held a secret in an old commit (deleted since) at a harmless folder's place, so that the walk reads clean entries for it; the tip's tree never reads that folder, so only the check of the trees the walk queued (each worker's CheckReads, and TreeFiles' check of its own source's queue) can catch it
# surface: history
# expect: error
new_repo
write clean/notes.txt 'nothing to see'
commit base
secret=$(fake_aws_key_id)
plant "$secret"
write vault/settings.ini "aws_access_key_id = $secret"
commit settings
git rm -rq vault
commit 'remove the vault'
git repack -adq
forged=$(git rev-parse HEAD~1:vault)
harmless=$(git rev-parse HEAD:clean)
point_index_at "$forged" "$harmless"
read_back=$(git cat-file -p "$forged" 2>&1 || true)
case "$read_back" in *'hash mismatch'*) ;; *) fail 'the index was not forged' ;; esac
gate error history --format json
expect_in_output 'does not hash to its id'
