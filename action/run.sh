#!/usr/bin/env bash
# The action's gate step: one scan, several outputs. Writes the SARIF file, prints workflow-command
# annotations (most severe first), appends the Markdown job summary, and sets the step outputs
# decision, blocking and warnings. Exit: 0 pass/warn, 1 block (unless fail-on-block is false),
# 2 when riskgate itself failed.
set -uo pipefail
riskgate=${RISKGATE_BIN:-riskgate}
sarif=${RISKGATE_SARIF:-riskgate.sarif}
work=$(mktemp -d "${RUNNER_TEMP:-/tmp}/riskgate.XXXXXX")
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2086  # RISKGATE_ARGS is a list of arguments on purpose
"$riskgate" check ${RISKGATE_ARGS:-} \
  --format github \
  --format json --output "$work/report.json" \
  --format sarif --output "$sarif" \
  --format markdown --output "$work/summary.md"
status=$?

if [ "$status" -ge 2 ]; then
  echo "::error title=riskgate failed::riskgate exited with $status (see the log above); the gate fails closed"
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "decision=error" >> "$GITHUB_OUTPUT"
  exit 2
fi

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$work/summary.md" >> "$GITHUB_STEP_SUMMARY"
fi

read -r decision blocking warnings < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["decision"], d["summary"]["block"], d["summary"]["warn"])' "$work/report.json")
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "decision=$decision"
    echo "blocking=$blocking"
    echo "warnings=$warnings"
  } >> "$GITHUB_OUTPUT"
fi

if [ "$status" -eq 1 ] && [ "${RISKGATE_FAIL_ON_BLOCK:-true}" = "false" ]; then
  exit 0
fi
exit "$status"
