# A range of two commits: an AWS key id that stays, a GitHub token added then removed (a range
# judges every commit), and a GitLab token marked riskgate:allow, which this policy forbids.
printf 'app\n' > README.md
git add -A && git commit -qm base && git tag base
mkdir -p deploy
printf 'aws_access_key_id = %s\nregion = eu-west-1\n' "$SECRET_1" > deploy/credentials
printf 'export GH_TOKEN=%s\n' "$SECRET_3" > deploy/env.sh
git add -A && git commit -qm "deploy credentials"
printf 'export GH_TOKEN="$(cat /run/secrets/gh)"\n' > deploy/env.sh
printf 'token: %s # riskgate:allow\n' "$SECRET_2" > deploy/gitlab.yml
git add -A && git commit -qm "read the token at run time"
