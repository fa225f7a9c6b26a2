#!/usr/bin/env bash
# riskgate gates itself: `riskgate check --worktree` on this repository, under its own policy
# (.riskgate.yaml, baseline .riskgate/baseline.json), must neither block nor meet a pipeline or
# policy file it cannot parse (an `unparsable-config` finding that is not a baselined fuzz seed).
# Usage: self_gate.sh RISKGATE_BINARY SOURCE_DIR
set -uo pipefail
bin=$1
cd "$2" || exit 2
report=$(mktemp)
trap 'rm -f "$report"' EXIT
env -u GIT_DIR -u GIT_INDEX_FILE -u GIT_WORK_TREE -u CI -u GITHUB_ACTIONS -u GITLAB_CI \
  -u PRE_COMMIT "$bin" check --worktree --format text --format json --output "$report"
status=$?
if [ "$status" -ge 2 ]; then
  echo "riskgate failed on its own repository (exit $status)"
  exit 1
fi
python3 - "$report" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bad = [f for f in d["findings"]
       if f["decision"] == "block" or (f["rule"] == "unparsable-config" and not f["baselined"])]
for f in bad:
    print(f"self-gate: {f['decision']} {f['path']}:{f['line']} {f['rule']}: {f['message']}")
if d["decision"] == "block" or bad:
    print("riskgate's own repository does not pass its gate; fix the file, or (a deliberate "
          "test fixture only) re-record .riskgate/baseline.json with `riskgate baseline`")
    sys.exit(1)
PY
