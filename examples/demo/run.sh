#!/usr/bin/env bash
# Runs riskgate on the bundled example: a temporary git repository made from repo/, then a
# staged change that leaks a (synthetic) GitHub token, then the same change done right.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
riskgate=${1:-${RISKGATE_BIN:-$here/../../build/src/app/riskgate}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/repo/." "$work/"
cd "$work"
git init -q -b main
git -c user.name=demo -c user.email=demo@example.com add -A
git -c user.name=demo -c user.email=demo@example.com commit -q -m "demo service"

# The token is assembled here so that this script holds no literal secret.
token="ghp_$(printf 'Zq8vLx2mR9tKp4Ww7bN3cH6jD1sF5gY0aE2u')"
cat >> src/billing.py <<PY

GITHUB_TOKEN = "$token"  # quick hack to pull the private price list
PY
git add src/billing.py
echo "== riskgate check --staged  (a change that leaks a token)"
set +e
"$riskgate" check --staged
status=$?
set -e
echo "== exit code $status (1 = block)"
[ "$status" -eq 1 ] || { echo "demo: expected the gate to block" >&2; exit 1; }

git restore --staged --worktree src/billing.py
cat >> src/billing.py <<'PY'

GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]
PY
git add src/billing.py
echo
echo "== riskgate check --staged  (the same change done right)"
"$riskgate" check --staged
echo "== exit code 0 (pass)"
