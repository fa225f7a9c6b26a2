# attack: a CI run that riskgate maps to a full audit (workflow_dispatch on the author's branch, issue_comment, GitLab web/schedule/trigger) judges the checkout with local-run leniency: the branch's own `# riskgate:allow` waives its token and a NUL-bearing file with a token only warns
# surface: ci-detection (GitHub workflow_dispatch, GitLab pipeline), worktree audit
# expect: block
new_repo
write README.md 'hello'
commit base
git update-ref refs/remotes/origin/main HEAD
git checkout -q -b feature
token=$(fake_github_token)
plant "$token"
write config.txt "token = \"$token\" # riskgate:allow"
commit 'self-waived token'
printf '{"repository":{"default_branch":"main"},"inputs":{}}' >"$HOSTILE_WORK/event.json"
export CI=true GITHUB_ACTIONS=true GITHUB_EVENT_NAME=workflow_dispatch GITHUB_EVENT_PATH="$HOSTILE_WORK/event.json"
gate block check
unset GITHUB_ACTIONS GITHUB_EVENT_NAME GITHUB_EVENT_PATH
export GITLAB_CI=true CI_PIPELINE_SOURCE=trigger CI_COMMIT_SHA=$(git rev-parse HEAD) CI_DEFAULT_BRANCH=main
gate block check
# a token in a NUL-bearing file: unscanned, which a CI gate blocks on
git rm -q config.txt
printf 'token=%s\n\0' "$token" >blob.dat
commit 'binary token'
export CI_COMMIT_SHA=$(git rev-parse HEAD)
gate block check
