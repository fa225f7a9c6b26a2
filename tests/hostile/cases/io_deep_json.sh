# attack: JSON nested 200,000 deep (event payload, a report given to merge, a Threat Dragon model) to overflow a recursive parser or dump
# surface: github, merge, worktree
# expect: error
new_repo
write README.md hello
commit init
deep() { python3 -c "import sys; n=int(sys.argv[1]); print('{\"a\":' + '['*n + ']'*n + '}')" "$1"; }
if ! command -v python3 >/dev/null; then
  deep() { local n=$1; printf '{"a":'; head -c "$n" /dev/zero | tr '\0' '['; head -c "$n" /dev/zero | tr '\0' ']'; printf '}\n'; }
fi
deep 200000 >"$HOSTILE_WORK/event.json"
GITHUB_ACTIONS=true GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$HOSTILE_WORK/event.json" \
  gate error check
expect_in_output 'nested more than 128 levels deep'
deep 200000 >shard.json
gate error merge shard.json
expect_in_output 'nested more than 128 levels deep'
write .riskgate.yaml 'version: 1' 'controls:' '  threat_model:' '    components:' \
  '      - name: core' "        paths: ['src/**']" '        tier: high' "        owners: ['@sec']" '        models: [docs/core.json]'
write src/a.c 'int a;'
mkdir -p docs
deep 200000 >docs/core.json
git add -A
gate fails check --worktree
expect_in_output 'nested more than 128 levels deep'
