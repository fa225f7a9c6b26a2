#!/usr/bin/env bash
# GitHub's files, checked by action-validator (npm @action-validator/cli: SchemaStore's workflow
# and action schemas, and its checks of globs and job references): the release workflow and every
# other workflow in .github/workflows, and the Action's action.yml. A control copy of the release
# workflow with an unknown key must be refused, so a validator that accepts anything fails here.
# action-validator 0.6.0 (the latest) carries a workflow schema older than the `attestations`
# permission (GitHub added it in 2024 for artifact attestations): that one line is taken out of the
# copy it checks, and its presence where the attestation is made is checked here instead.
#
#   tests/surfaces/action_validator.sh SOURCE_DIR
set -euo pipefail
source_dir=$(cd "${1:?usage: action_validator.sh SOURCE_DIR}" && pwd)
# shellcheck source=../tools/npm_tool.sh
. "$(dirname "${BASH_SOURCE[0]}")/../tools/npm_tool.sh"
npm_tool_install @action-validator/cli 0.6.0
validator=$npm_tool_prefix/node_modules/.bin/action-validator
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
files=("$source_dir/action/action.yml" "$source_dir"/.github/workflows/*.yml)
for file in "${files[@]}"; do
  checked=$work/$(basename "$file")
  grep -vE '^ +attestations: write$' "$file" >"$checked"
  if ! (cd "$source_dir" && "$validator" "$checked") >"$work/out" 2>&1; then
    cat "$work/out" >&2
    echo "action_validator.sh: ${file#"$source_dir"/} is refused" >&2
    status=1
  fi
done
release=$source_dir/.github/workflows/release.yml
grep -qE '^ +attestations: write$' "$release" && grep -q "actions/attest-build-provenance@" "$release" ||
  { echo "action_validator.sh: the release workflow does not attest with attestations: write" >&2; status=1; }
grep -vE '^ +attestations: write$' "$release" |
  sed 's/^permissions: {}$/permissions: {}\nbogus-key: 1/' >"$work/control.yml"
if (cd "$source_dir" && "$validator" "$work/control.yml") >"$work/out" 2>&1; then
  echo "action_validator.sh: a workflow with an unknown top-level key was accepted" >&2
  status=1
fi
[ $status -eq 0 ] && echo "action-validator 0.6.0 accepts ${#files[@]} files (and refuses the control copy)"
exit $status
