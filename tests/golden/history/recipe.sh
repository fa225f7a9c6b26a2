# A small history on two branches: a GitHub token committed and removed two commits later (still
# in history), an AWS key id still at HEAD, and a debug endpoint on a side branch.
printf 'app\n' > README.md
git add -A && git commit -qm base
mkdir -p config
printf 'github_token: %s\n' "$SECRET_1" > config/ci.yml
GIT_COMMITTER_DATE=2026-11-02T12:00:00Z git add -A && GIT_COMMITTER_DATE=2026-11-02T12:00:00Z git commit -qm "ci config"
printf 'aws_key_id: %s\n' "$SECRET_2" > config/aws.yml
GIT_COMMITTER_DATE=2026-11-03T12:00:00Z git add -A && GIT_COMMITTER_DATE=2026-11-03T12:00:00Z git commit -qm "aws config"
printf 'github_token: ${GITHUB_TOKEN}\n' > config/ci.yml
GIT_COMMITTER_DATE=2026-11-04T12:00:00Z git add -A && GIT_COMMITTER_DATE=2026-11-04T12:00:00Z git commit -qm "token from the environment"
git checkout -q -b profiling
printf 'mux.Handle("/debug/pprof", pprof.Index)\n' > server.go
GIT_COMMITTER_DATE=2026-11-05T12:00:00Z git add -A && GIT_COMMITTER_DATE=2026-11-05T12:00:00Z git commit -qm "profiling endpoint"
git checkout -q main
