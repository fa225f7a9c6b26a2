# attack: the multi-pack index over several packs no longer lists the blob that holds a secret (a poisoned .git restored from a cache), though a pack it covers still holds it: an audit that trusted the index's list, or took a miss there for a missing object, would never read the secret; it must be found all the same
# surface: history
# expect: block
secret_behind_midx
hidden=$(git rev-parse HEAD:settings.ini)
drop_from_midx "$hidden"
gate block history --format json
expect_in_output 'settings.ini'
