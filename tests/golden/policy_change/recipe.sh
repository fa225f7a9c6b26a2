# The base holds the policy; a range turns the secrets control off and adds a waiver. The run
# judges with the base's policy and reports both edits, which need the policy owner's approval.
printf 'app\n' > README.md
git add -A && git commit -qm base && git tag base
cat >> .riskgate.yaml <<'YAML'
  secrets: {enabled: false}
YAML
mkdir -p .riskgate
cat > .riskgate/waivers.yaml <<'YAML'
version: 1
waivers:
  - id: W-1
    control: custom
    path: 'legacy/**'
    reason: legacy code is being retired
    owner: dev@example.com
    approver: security@example.com
    created: 2026-11-01
    expires: 2026-12-01
YAML
git add -A && git commit -qm "relax the gate for legacy code"
