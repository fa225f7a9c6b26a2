# attack: a CI event riskgate cannot map falls back to judging nothing (an empty index) or to an audit under the change's own policy
# surface: ci-detection
# expect: error
base_repo
git update-ref refs/remotes/origin/main "$base"
git checkout -q -b feature
token=$(fake_github_token)
plant "$token"
write .riskgate.yaml 'version: 1' 'controls:' '  secrets:' '    enabled: false'
write deploy.sh "export GITHUB_TOKEN=$token"
commit 'quiet the gate and add a token'
head=$(git rev-parse HEAD)

# An unknown CI, and pre-commit run inside it (its index is empty): no guess, an error.
CI=true gate error check
CI=true PRE_COMMIT=1 gate error check
expect_in_output '--base'
# Given the range, the base policy judges it.
CI=true gate block check --base "$base" --head "$head"

# A pull_request_target payload without its pull_request object: an error naming it.
printf '{"number": 1}' >"$HOSTILE_WORK/event.json"
GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request_target GITHUB_EVENT_PATH="$HOSTILE_WORK/event.json" \
  gate error check
expect_in_output 'pull_request'
# A merge queue run judges base_sha..head_sha.
printf '{"merge_group": {"base_sha": "%s", "head_sha": "%s"}}' "$base" "$head" >"$HOSTILE_WORK/event.json"
GITHUB_ACTIONS=true GITHUB_EVENT_NAME=merge_group GITHUB_EVENT_PATH="$HOSTILE_WORK/event.json" \
  gate block check
# A manual run on the branch audits it under the default branch's policy, not the branch's own.
printf '{"ref": "refs/heads/feature", "repository": {"default_branch": "main"}}' >"$HOSTILE_WORK/event.json"
GITHUB_ACTIONS=true GITHUB_EVENT_NAME=workflow_dispatch GITHUB_EVENT_PATH="$HOSTILE_WORK/event.json" \
  gate block check
# GitLab: an external pull request, and a scheduled pipeline.
GITLAB_CI=true CI_PIPELINE_SOURCE=external_pull_request_event CI_COMMIT_SHA="$head" \
  CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA="$base" CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA="$head" \
  gate block check
GITLAB_CI=true CI_PIPELINE_SOURCE=external_pull_request_event CI_COMMIT_SHA="$head" gate error check
GITLAB_CI=true CI_PIPELINE_SOURCE=schedule CI_DEFAULT_BRANCH=main CI_COMMIT_SHA="$head" gate block check
