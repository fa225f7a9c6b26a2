# attack: a token in a path name, a commit subject, a branch name, a CODEOWNERS line and a threat model, printed by findings, annotations and summaries
# surface: range, worktree, history, waivers
# expect: block
new_repo
write README.md hello
# The base's policy reads CODEOWNERS (trailers) and gates the deploy component on its model.
write .riskgate.yaml 'version: 1' 'controls:' '  reviews: {source: trailers, min_approvals: 1}' \
  '  threat_model:' '    components:' "      - {name: deploy, paths: ['deploy/**'], tier: high," \
  "         models: [docs/threat-model.md], owners: ['@acme/ops']}"
commit init
export CI=true
base=$(git rev-parse HEAD)
token=$(fake_github_token)
gl=$(fake_gitlab_token)
plant "$token"
plant "$gl"
aws=$(fake_aws_key_id)
plant "$aws"
git checkout -q -b "feature/$gl"
write "deploy/$token/keys.env" "AWS_ACCESS_KEY_ID=$aws"
write .github/CODEOWNERS "* @octo/team $gl" "/deploy/ $token"
write docs/threat-model.md '# Threat model' "Risk: the deploy key $gl is shared"
commit "rotate $gl again"
for format in text json sarif junit github gitlab markdown; do
  gate block check --base "$base" --head HEAD --format "$format"
done
export GITHUB_STEP_SUMMARY="$HOSTILE_WORK/summary.md"
gate block check --base "$base" --head HEAD --format markdown --output "$GITHUB_STEP_SUMMARY"
keep_output "$GITHUB_STEP_SUMMARY"
gate block check --worktree --format github
gate block history --format json
gate block history --format text
# run.sh's own leak check passes --exclude after `--`, where grep reads it as a file name and
# exits 2, so it never reports; this case checks its outputs itself.
while IFS= read -r secret; do
  [ -n "$secret" ] || continue
  if grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" >/dev/null; then
    fail "a planted secret appears in: $(grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" | tr '\n' ' ')"
  fi
done <"$HOSTILE_OUT/planted"
