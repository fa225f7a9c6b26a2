# attack: the pack index gives the blob holding a secret the place of a harmless blob larger than --max-file-size (a poisoned .git restored from a cache), so that a reader which learns the size from the header reports the secret's id as an unscanned file, never hashes it, and the audit and the range only warn
# surface: history, range
# expect: error
write_large_file() { head -c 3000000 /dev/zero | tr '\0' 'x' | fold -w 100 >big.txt; }
forge_secret_settings big.txt write_large_file
[ "$(git cat-file -s "$forged")" -gt 2000000 ] || fail 'the index was not forged'
gate error history --format json
expect_in_output 'does not hash to its id'
gate error check --base "$base" --head HEAD --format json
expect_in_output 'does not hash to its id'
