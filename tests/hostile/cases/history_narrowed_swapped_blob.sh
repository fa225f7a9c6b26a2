# attack: the object store is tampered with: the loose object of the blob that holds a token is overwritten with a clean blob's bytes, and the audit is narrowed to one branch (no sweep of every blob in pack order), so its blobs are read one by one by id: a reader that trusts the file under the id's name scans the clean text and passes
# surface: history
# expect: error
base_repo
token=$(fake_github_token)
plant "$token"
write config "GITHUB_TOKEN=$token"
commit 'add config'
dirty=$(git rev-parse HEAD:config)
clean=$(printf 'user = me\n' | git hash-object -w --stdin)
dirty_path=.git/objects/${dirty:0:2}/${dirty:2}
chmod u+w "$dirty_path"
cp ".git/objects/${clean:0:2}/${clean:2}" "$dirty_path"
gate error history --branch main --format json
expect_in_output 'does not hash to its id'
