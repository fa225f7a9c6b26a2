# attack: the names a report now gives its run come from places an attacker can write: a fork's pull-request branch (GITHUB_HEAD_REF, GITHUB_REF_NAME) named after a token, and an origin remote whose URL carries a token as its password; every JSON document that carries `run` (check, the risk register, the threat-model status) and the other formats must print neither, and the ledger must refuse nothing it was given cleanly
# surface: range, ci, ledger
# expect: pass, with no planted token in any output
base_repo
token=$(fake_github_token)
glpat=$(fake_gitlab_token)
plant "$token"
plant "$glpat"
git remote add origin "https://ci-bot:$glpat@gitlab.example.com/acme/app.git"
write app.txt 'hello again'
commit "change"
for format in sarif text markdown json; do
  GITHUB_ACTIONS=true GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=acme/app \
    GITHUB_REF=refs/heads/main GITHUB_HEAD_REF="fix-$token" GITHUB_EVENT_NAME=push \
    gate pass check --base "$base" --head HEAD --format "$format"
done
expect_in_output '"change": "fix-'
expect_in_output '"repository": "github.com/acme/app"'
# Outside CI: the origin remote names the repository, its password dropped.
git checkout -q -b "topic-$token"
gate pass check --base "$base" --head HEAD --format json
expect_in_output '"repository": "gitlab.example.com/acme/app"'
gate pass waivers --format json
gate pass threat-model status --format json
expect_in_output '"kind": "threat-model-status"'
