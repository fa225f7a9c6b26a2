# attack: a sparse checkout (or skip-worktree bit) keeps the committed token file out of the working tree, and the audit of "every tracked file" passes it unread
# surface: worktree
# expect: block
new_repo
write README.md hello
write app/main.py 'print(1)'
token=$(fake_github_token)
plant "$token"
write deploy/config.env "TOKEN=$token"
commit init
gate block check --worktree
git sparse-checkout init --cone
git sparse-checkout set app
[ ! -e deploy/config.env ] || fail "the sparse checkout kept deploy/"
# The tracked file is in the index (and HEAD) but not on disk: judge the index's version or
# refuse, never count it as deleted.
gate block check --worktree
git sparse-checkout disable
git update-index --skip-worktree deploy/config.env
rm deploy/config.env
gate block check --worktree
