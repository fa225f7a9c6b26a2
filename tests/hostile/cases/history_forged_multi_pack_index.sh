# attack: beside several packs, the multi-pack index names the blob holding a secret at the place of a harmless blob (a poisoned .git restored from a cache), while each pack's own index is true: an audit that lists blobs from the packs' indexes and hashes them there, then looks ids up through the multi-pack index, would trust the harmless bytes under the secret's id; the same id must be read at one place, hashed there
# surface: history
# expect: error
secret_behind_midx
[ "$(ls .git/objects/pack/*.pack | wc -l)" -ge 4 ] || fail 'not several packs'
forged=$(git rev-parse HEAD:settings.ini)
harmless=$(git rev-parse HEAD:notes.txt)
point_midx_at "$forged" "$harmless"
gate error history --format json
expect_in_output 'does not hash to its id'
