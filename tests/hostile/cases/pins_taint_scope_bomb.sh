# attack: a workflow of 12,000 steps that each write an issue title to a step output, and 600 jobs that each need the one before: copying every step's view of the names in scope took memory quadratic in the steps (1.65 GB for 4,000 steps, tens of GB here), and the job-output fixed point took a pass per job, so the gate runs out of memory or time instead of blocking
# surface: range
# expect: block
base_repo
mkdir -p .github/workflows
python3 - <<'PY'
steps = ["on: issues", "permissions: {}", "jobs:", "  a:", "    runs-on: x", "    steps:"]
for i in range(12000):
    steps.append(f"      - id: s{i}")
    steps.append(f"        run: echo \"o=${{{{ github.event.issue.title }}}}\" >> $GITHUB_OUTPUT")
steps.append("      - run: echo ${{ steps.s11999.outputs.o }}")
open(".github/workflows/steps.yml", "w").write("\n".join(steps) + "\n")
chain = ["on: issues", "permissions: {}", "jobs:"]
for i in range(600):
    chain += [f"  j{i}:", "    runs-on: x", f"    outputs: {{t: '${{{{ needs.j{i - 1}.outputs.t || github.event.issue.title }}}}'}}"]
    if i > 0:
        chain.append(f"    needs: j{i - 1}")
    chain.append("    steps: [{run: 'true'}]")
chain += ["  last:", "    runs-on: x", "    needs: j599", "    steps: [{run: 'echo ${{ needs.j599.outputs.t }}'}]"]
open(".github/workflows/chain.yml", "w").write("\n".join(chain) + "\n")
PY
commit "many steps"
HOSTILE_TIMEOUT=60 gate block check --base "$base" --head HEAD
expect_in_output 'script-injection'
expect_in_output 'through needs.j599.outputs.t'
