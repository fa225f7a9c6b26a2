# attack: the change turns .riskgate.yaml (and the waivers file) into folders, in the working tree and as trees in a commit, so reading the policy aborts
# surface: staged, range, worktree
# expect: error
base_repo
token=$(fake_github_token)
plant "$token"
write notes.txt "token: $token"
write .riskgate.yaml/x 'version: 1'
git add -A
gate error check --staged
gate error check --worktree
expect_in_output 'is a folder, not a file'
commit "policy folder"
gate fails check --base "$base" --head HEAD
# The folder at the base revision: judging the next change must not abort either.
write more.txt "token: $token"
commit "next"
gate error check --base HEAD~1 --head HEAD
expect_in_output 'is a folder'
git rm -q -r .riskgate.yaml
mkdir -p .riskgate/waivers.yaml
gate error check --worktree
mkdir -p .git/hooks/pre-commit
gate error install-hook
expect_in_output 'is a folder, not a file'
