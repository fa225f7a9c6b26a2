# Reviews read from commit trailers (a CI system riskgate has no API for): infra/ is owned by
# @acme/infra in CODEOWNERS. The author reviews their own commit, which does not count.
mkdir -p infra
printf '/infra/ @acme/infra\n' > CODEOWNERS
printf 'replicas: 1\n' > infra/app.yaml
git add -A && git commit -qm base && git tag base
printf 'replicas: 3\n' > infra/app.yaml
git add -A && git commit -qm "scale out" -m "Reviewed-by: Test Author <author@example.com>"
