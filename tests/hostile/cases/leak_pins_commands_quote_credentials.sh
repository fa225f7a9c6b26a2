# attack: workflow and GitLab CI commands carry credentials (URL userinfo, Authorization and PRIVATE-TOKEN headers, access_token parameters) that pins findings quote
# surface: staged, range (all seven formats)
# expect: block
base_repo
token=$(fake_github_token)
gl=$(fake_gitlab_token)
password="hunter2$(printf '%s' 'Qz9wplain')"
header="hdrValue7$(printf '%s' 'Qz9wplain')"
query="qryValue7$(printf '%s' 'Qz9wplain')"
for s in "$token" "$gl" "$password" "$header" "$query"; do plant "$s"; done
write .github/workflows/ci.yml 'on: [push]' 'permissions: {}' 'jobs:' '  b:' \
  '    runs-on: ubuntu-latest' '    steps:' \
  "      - run: npm install git+https://$token@github.com/o/r.git" \
  "      - run: gem install https://$token@rubygems.example/g.gem" \
  "      - run: pip install https://deploy:$password@pypi.example/p.tar.gz" \
  "      - run: curl -sSL -H \"Authorization: Bearer $header\" https://get.example/i.sh | sh" \
  "      - run: curl -sSL https://get.example/i.sh?access_token=$query | bash"
write .gitlab-ci.yml 'include:' "  - remote: 'https://oauth2:$gl@gitlab.example/ci/base.yml'" \
  'build:' '  script:' "    - curl -H 'PRIVATE-TOKEN: $header' https://get.example/x.sh | sh"
write Dockerfile 'FROM debian:12' "RUN curl -H 'PRIVATE-TOKEN: $header' https://get.example/x.sh | sh"
git add -A
for format in text json sarif junit github gitlab markdown; do
  gate block check --staged --format "$format"
done
commit "ci"
for format in text json sarif junit github gitlab markdown; do
  gate block check --base "$base" --head HEAD --format "$format" --all-findings
done
gate block check --worktree --format sarif --output "$HOSTILE_WORK/report.sarif"
keep_output "$HOSTILE_WORK/report.sarif"
# run.sh's own leak check passes --exclude after `--`, where grep reads it as a file name and
# exits 2, so it never reports; this case checks its outputs itself.
while IFS= read -r secret; do
  [ -n "$secret" ] || continue
  if grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" >/dev/null; then
    fail "a planted secret appears in: $(grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" | tr '\n' ' ')"
  fi
done <"$HOSTILE_OUT/planted"
