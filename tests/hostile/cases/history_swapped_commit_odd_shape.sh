# attack: as history_swapped_commit_object, but the decoy written over the adding commit's loose file has two author lines, a shape riskgate's commit parser leaves to libgit2, hoping the fallback reads the decoy without checking it against the id
# surface: history
# expect: error
base_repo
token=$(fake_github_token)
plant "$token"
write config "GITHUB_TOKEN=$token"
commit 'add config'
dirty_commit=$(git rev-parse HEAD)
git rm -q config
commit 'remove config'
decoy=$(printf 'tree %s\nparent %s\nauthor A <a@example.com> 1 +0000\nauthor B <b@example.com> 1 +0000\ncommitter C <c@example.com> 1 +0000\n\nadd config\n' \
  "$(git rev-parse HEAD~2^{tree})" "$(git rev-parse HEAD~2)" | git hash-object -t commit -w --literally --stdin)
dirty_path=.git/objects/${dirty_commit:0:2}/${dirty_commit:2}
chmod u+w "$dirty_path"
cp ".git/objects/${decoy:0:2}/${decoy:2}" "$dirty_path"
gate error history --format json
expect_in_output 'does not hash to its id'
