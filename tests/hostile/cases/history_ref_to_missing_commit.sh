# attack: a branch whose tip commit is missing from the object store (a pruned or poisoned .git) while its blobs, a token among them, are all there: the full audit sweeps every blob while the commits are walked on another thread, and the walk's error must still end the audit with exit 2, never a pass on what the sweep saw, and no output may name the token
# surface: history
# expect: error
base_repo
git checkout -q -b side
token=$(fake_aws_key_id)
plant "$token"
write settings.ini "aws_access_key_id = $token"
commit "side token"
gone=$(git rev-parse HEAD)
git checkout -q -
rm -f ".git/objects/${gone:0:2}/${gone:2}"
gate error history .
expect_in_output "refs/heads/side"
