#!/usr/bin/env bash
# The README's copy-paste blocks for the gate, each read by the parser of the tool it is pasted
# into: the pre-commit configuration by `pre-commit validate-config` (warnings included), the
# GitHub workflow by action-validator (SchemaStore's workflow schema), the GitLab include and
# component blocks as GitLab CI YAML (PyYAML, no duplicate keys, the include keys GitLab knows);
# and every `uses:` of the workflow block is pinned by SHA (placeholders aside) so riskgate's own
# pins control would not warn on what the README tells people to paste.
#   tests/surfaces/readme_blocks.sh SOURCE_DIR
set -euo pipefail
source_dir=$(cd "${1:?usage: readme_blocks.sh SOURCE_DIR}" && pwd)
# shellcheck source=../tools/npm_tool.sh disable=SC2154
. "$(dirname "${BASH_SOURCE[0]}")/../tools/npm_tool.sh"
npm_tool_install @action-validator/cli 0.6.0
validator=$npm_tool_prefix/node_modules/.bin/action-validator
command -v pre-commit >/dev/null || { echo "readme_blocks.sh: pre-commit is missing (tools/deps.sh installs it)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "readme_blocks.sh: $*" >&2; status=1; }

# block HEADING N: the Nth fenced yaml block under the README's "### HEADING".
block() {
  awk -v heading="### $1" -v want="$2" '
    $0 == heading { inside = 1; n = 0; next }
    inside && /^##/ { exit }
    inside && /^```yaml$/ { n++; if (n == want) { copy = 1; next } }
    copy && /^```$/ { exit }
    copy { print }' "$source_dir/README.md"
}

# The placeholders a reader fills in, filled in as a reader would.
sha=0123456789abcdef0123456789abcdef01234567
block pre-commit 1 | sed "s/<40-hex commit sha>/$sha/" >"$work/.pre-commit-config.yaml"
grep -q "rev: $sha" "$work/.pre-commit-config.yaml" || fail "the README's pre-commit block does not pin rev: to a commit"
[ -s "$work/.pre-commit-config.yaml" ] || fail "no yaml block under ### pre-commit"
if ! (cd "$work" && pre-commit validate-config .pre-commit-config.yaml) >"$work/out" 2>&1 || [ -s "$work/out" ]; then
  cat "$work/out" >&2
  fail "pre-commit validate-config refuses or warns about the README's configuration"
fi

block "GitHub Actions" 1 >"$work/workflow.yml"
[ -s "$work/workflow.yml" ] || fail "no yaml block under ### GitHub Actions"
(cd "$work" && "$validator" workflow.yml) >"$work/out" 2>&1 || { cat "$work/out" >&2; fail "action-validator refuses the README's workflow"; }
while read -r uses; do
  [[ $uses =~ @([0-9a-f]{40}|\<40-hex\ commit\ sha\>)(\ |$) ]] || fail "the README's workflow uses an action unpinned: $uses"
done < <(sed -n 's/^ *- *uses: *//p; s/^ *uses: *//p' "$work/workflow.yml")
grep -q "fetch-depth: 0" "$work/workflow.yml" || fail "the README's workflow checks out a shallow clone"

for n in 1 2; do
  block "GitLab CI" "$n" >"$work/gitlab-$n.yml"
  python3 - "$work/gitlab-$n.yml" <<'PY' || fail "the README's GitLab block $n is not a valid include"
import sys, yaml
class Unique(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        if len(keys) != len(set(keys)):
            raise yaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)
        return super().construct_mapping(node, deep=deep)
doc = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=Unique)
assert isinstance(doc, dict) and set(doc) <= {"include", "variables"}, doc
for item in doc["include"]:
    assert set(item) in ({"project", "ref", "file"}, {"component", "inputs"}, {"component"}), item
PY
done
[ $status -eq 0 ] && echo "readme_blocks.sh: the README's pre-commit, GitHub and GitLab blocks load in their tools"
exit $status
