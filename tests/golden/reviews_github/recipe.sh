# Pull request 12 on GitHub: the base holds the policy and CODEOWNERS; carol's branch changes
# src/auth/login.cc in two commits. GitHub's event payload is written where GITHUB_EVENT_PATH
# points; the commit ids go to $GOLDEN_VALUES for the fixture forge's answers (forge.json).
mkdir -p .github src/auth
printf '# who must approve\n/src/auth/ @octo/security\n' > .github/CODEOWNERS
printf 'app\n' > README.md
git add -A && git commit -qm base
git checkout -q -b feature
printf 'int login();\n' > src/auth/login.cc
git add -A && git commit -qm "first try"
old_head=$(git rev-parse HEAD)
printf 'int login(int attempts);\n' > src/auth/login.cc
git add -A && git commit -qm "address review"
base=$(git rev-parse main)
head=$(git rev-parse HEAD)
printf 'OLD_HEAD=%s\nHEAD_SHA=%s\n' "$old_head" "$head" >> "$GOLDEN_VALUES"
cat > .git/event.json <<JSON
{"action": "synchronize", "number": 12,
 "pull_request": {"number": 12, "html_url": "https://github.com/octo/app/pull/12",
                  "user": {"login": "carol", "type": "User"},
                  "base": {"sha": "$base", "ref": "main"},
                  "head": {"sha": "$head", "ref": "feature"}},
 "repository": {"full_name": "octo/app"}}
JSON
