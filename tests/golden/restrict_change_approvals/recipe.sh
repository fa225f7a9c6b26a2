mkdir -p deploy/prod deploy/db
echo 1 > deploy/prod/app.yaml; echo 1 > deploy/db/pg.conf
git add -A && git commit -qm base && git tag base
echo 2 > deploy/prod/app.yaml
git add -A && git commit -qm "raise replicas" -m "Approved-by: Rel <rel@example.com>"
echo 2 > deploy/db/pg.conf
git add -A && git commit -qm "tune pg" -m "Reviewed-by: Dev Two <dev2@example.com>"
