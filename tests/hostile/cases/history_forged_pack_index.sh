# attack: the object store's pack index names the blob holding a secret at the place of a harmless blob (a poisoned .git restored from a cache), so that reading the secret's id yields clean text and a full history audit passes
# surface: history
# expect: error
forge_secret_settings notes.txt write notes.txt 'nothing to see'
[ "$(git cat-file -p "$forged")" = 'nothing to see' ] || fail 'the index was not forged'
gate error history --format json
expect_in_output 'does not hash to its id'
