# attack: a history whose objects sit in many packs with copies of each other, a multi-pack index over some of them and a pack written after it: an audit that reads each blob once must not lose the one holding a secret to a copy it skipped or a pack the index leaves out
# surface: history
# expect: block
new_repo
write README.md 'hello'
commit base
git repack -dq
write notes.txt 'nothing to see'
commit notes
git repack -dq
many_packs_with_midx
secret=$(fake_aws_key_id)
plant "$secret"
write settings.ini "aws_access_key_id = $secret"
commit settings
git repack -dq
gate block history --format json
expect_in_output 'settings.ini'
