# attack: the object store is tampered with: the loose object of the blob that holds a token is overwritten with a clean blob's bytes, and the audit is narrowed to one branch (no sweep of every blob in pack order), so its blobs are read one by one by id: a reader that trusts the file under the id's name scans the clean text and passes
# surface: history
# expect: error
commit_token_config
dirty=$(git rev-parse HEAD:config)
clean=$(printf 'user = me\n' | git hash-object -w --stdin)
overwrite_loose "$dirty" "$clean"
gate error history --branch main --format json
expect_in_output 'does not hash to its id'
