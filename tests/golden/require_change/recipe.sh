mkdir -p migrations api docs/api
echo v1 > CHANGELOG.md; echo a > api/a.proto; echo d > docs/api/a.md
git add -A && git commit -qm base && git tag base
echo 'create table t();' > migrations/001.sql
git add -A && git commit -qm migration
echo b > api/b.proto
git add -A && git commit -qm api
echo d2 > docs/api/b.md
git add -A && git commit -qm docs
