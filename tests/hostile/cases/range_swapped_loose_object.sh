# attack: the object store of a range's checkout is tampered with (a poisoned CI cache): the loose object of the blob that holds a token is overwritten with a clean blob's bytes, so that a reader that trusts the file under the id's name scans the clean text and passes the commit that added the token
# surface: range
# expect: error
base_repo
token=$(fake_github_token)
plant "$token"
write config "GITHUB_TOKEN=$token"
commit 'add config'
head=$(git rev-parse HEAD)
dirty=$(git rev-parse HEAD:config)
clean=$(printf 'user = me\n' | git hash-object -w --stdin)
dirty_path=.git/objects/${dirty:0:2}/${dirty:2}
chmod u+w "$dirty_path"
cp ".git/objects/${clean:0:2}/${clean:2}" "$dirty_path"
gate error check --base "$base" --head "$head" --format json
expect_in_output 'does not hash to its id'
