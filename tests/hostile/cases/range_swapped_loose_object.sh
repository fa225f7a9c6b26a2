# attack: the object store of a range's checkout is tampered with (a poisoned CI cache): the loose object of the blob that holds a token is overwritten with a clean blob's bytes, so that a reader that trusts the file under the id's name scans the clean text and passes the commit that added the token
# surface: range
# expect: error
commit_token_config
head=$(git rev-parse HEAD)
dirty=$(git rev-parse HEAD:config)
clean=$(printf 'user = me\n' | git hash-object -w --stdin)
overwrite_loose "$dirty" "$clean"
gate error check --base "$base" --head "$head" --format json
expect_in_output 'does not hash to its id'
