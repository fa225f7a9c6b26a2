mkdir -p deploy/prod deploy/staging
echo 1 > deploy/prod/app.yaml; echo 1 > deploy/staging/app.yaml
git add -A && git commit -qm base && git tag base
echo 2 > deploy/prod/app.yaml
git add -A && git commit -qm prod
echo 2 > deploy/staging/app.yaml
git add -A && GIT_AUTHOR_EMAIL=release@example.com git commit -qm staging
