# attack: beside several packs, the multi-pack index names the blob holding a secret at the place of a harmless blob (a poisoned .git restored from a cache), while each pack's own index is true: an audit that lists blobs from the packs' indexes and hashes them there, then looks ids up through the multi-pack index, would trust the harmless bytes under the secret's id; the same id must be read at one place, hashed there
# surface: history
# expect: error
new_repo
write README.md 'hello'
commit base
git repack -dq
secret=$(fake_aws_key_id)
plant "$secret"
write settings.ini "aws_access_key_id = $secret"
write notes.txt 'nothing to see'
commit settings
git repack -dq
write more.txt 'more'
commit more
git repack -dq
many_packs_with_midx
[ "$(ls .git/objects/pack/*.pack | wc -l)" -ge 4 ] || fail 'not several packs'
forged=$(git rev-parse HEAD:settings.ini)
harmless=$(git rev-parse HEAD:notes.txt)
point_midx_at "$forged" "$harmless"
gate error history --format json
expect_in_output 'does not hash to its id'
