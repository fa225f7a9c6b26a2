# attack: GIT_DIR and GIT_WORK_TREE are both set (git --git-dir=.private.git --work-tree=. exports them to aliases and hooks); riskgate's fallback for GIT_WORK_TREE discovers the repository around the current folder instead, a clean one, and judges its empty index
# surface: staged
# expect: block
new_repo
write README.md hello
commit init
token=$(fake_github_token)
plant "$token"
# A second git dir over the same working tree (a private overlay beside the public .git).
git --git-dir=.private.git --work-tree=. init -q
write private/config.env "TOKEN=$token"
git --git-dir=.private.git --work-tree=. add private/config.env
git --git-dir=.private.git --work-tree=. diff --cached --name-only | grep -q private/config.env ||
  fail "nothing staged in .private.git"
# As git exports them to an alias (`git --git-dir=.private.git --work-tree=. riskgate`).
GIT_DIR=.private.git GIT_WORK_TREE=. gate block check --staged
GIT_DIR=$PWD/.private.git GIT_WORK_TREE=$PWD gate block check --staged --format json
# As a pre-commit hook of that git dir: git sets GIT_DIR, GIT_INDEX_FILE (and the working tree).
printf '#!/bin/sh\nexec "%s" check --staged\n' "$RISKGATE_BIN" >.private.git/hooks/pre-commit
chmod +x .private.git/hooks/pre-commit
if git -c user.name=dev -c user.email=dev@example.com --git-dir=.private.git --work-tree=. commit -q -m 'add config' >"$HOSTILE_OUT/hook.out" 2>&1; then
  fail "the commit in .private.git passed its riskgate hook"
fi
grep -q 'BLOCK' "$HOSTILE_OUT/hook.out" || fail "the hook did not block: $(head -c 2000 "$HOSTILE_OUT/hook.out")"
