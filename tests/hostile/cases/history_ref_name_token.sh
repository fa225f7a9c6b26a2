# attack: a token as a branch name (pushed with the branch, listed by every clone and by git log --decorate --all); the audit scanned commit and tag messages but no ref name, so it passed
# surface: history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
git branch "$token"
git for-each-ref --format='%(refname)' | grep -c "$token" >/dev/null || fail 'git has no such branch'
gate block history --format json
expect_in_output '<ref name>'
expect_in_output 'Delete the branch or tag of that name'
