# attack: the object store is tampered with (a poisoned CI cache, an earlier step of the job): a token was committed and removed in the next commit; the loose object of the commit that added it is overwritten with the bytes of a commit that did not (same parent, the clean tree), so that a walk that trusts the file under the id's name follows a history in which the token never appears, and the full audit passes
# surface: history
# expect: error
commit_token_config
dirty_commit=$(git rev-parse HEAD)
git rm -q config
commit 'remove config'
# A commit with the same parent and the parent's clean tree: what the walk is made to read.
decoy=$(git commit-tree "$(git rev-parse HEAD~2^{tree})" -p HEAD~2 -m 'add config')
overwrite_loose "$dirty_commit" "$decoy"
gate error history --format json
expect_in_output 'does not hash to its id'
