# attack: as history_swapped_commit_object, but the decoy written over the adding commit's loose file has two author lines, a shape riskgate's commit parser leaves to libgit2, hoping the fallback reads the decoy without checking it against the id
# surface: history
# expect: error
commit_token_config
dirty_commit=$(git rev-parse HEAD)
git rm -q config
commit 'remove config'
decoy=$(printf 'tree %s\nparent %s\nauthor A <a@example.com> 1 +0000\nauthor B <b@example.com> 1 +0000\ncommitter C <c@example.com> 1 +0000\n\nadd config\n' \
  "$(git rev-parse HEAD~2^{tree})" "$(git rev-parse HEAD~2)" | git hash-object -t commit -w --literally --stdin)
overwrite_loose "$dirty_commit" "$decoy"
gate error history --format json
expect_in_output 'does not hash to its id'
