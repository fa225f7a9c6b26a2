#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF Multitool (`validate`): the SARIF 2.1.0 JSON schema
# plus the SDK's SARIF rules and its GitHub code scanning rules (GH1xxx, which the tool ships
# disabled, so this script enables them). Any error or warning fails; notes are advice and pass.
#
#   tests/tools/validate_sarif.sh [--ignore RULE_ID]... FILE...
#
# --ignore drops one validator rule's findings (e.g. SARIF2005 while the build names no project
# home page for tool.driver.informationUri); say why wherever you use it.
#
# The Multitool comes from npm (@microsoft/sarif-multitool-linux, a self-contained x86-64 .NET
# binary that also ships sarif-2.1.0.json), installed once by npm_tool.sh into
# ${RISKGATE_TOOLS_CACHE:-$HOME/.cache/riskgate-test-tools}. Needs node and npm. Exit codes:
# 0 valid, 1 invalid, 2 the validator could not be installed or run.
set -euo pipefail

version=5.7.0
package=@microsoft/sarif-multitool-linux
# shellcheck source=npm_tool.sh
. "$(dirname "${BASH_SOURCE[0]}")/npm_tool.sh"

die() { echo "validate_sarif.sh: $*" >&2; exit 2; }

ignored=","
while [ $# -gt 0 ] && [ "$1" = --ignore ]; do
  [ $# -ge 2 ] || { echo "usage: $0 [--ignore RULE_ID]... FILE..." >&2; exit 2; }
  ignored="$ignored$2,"
  shift 2
done
[ $# -ge 1 ] || { echo "usage: $0 [--ignore RULE_ID]... FILE..." >&2; exit 2; }
[ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] ||
  die "the SARIF Multitool package only runs on Linux x86-64, not $(uname -s)-$(uname -m)"
npm_tool_install "$package" "$version"
tool=$npm_tool_prefix/node_modules/$package/Sarif.Multitool
chmod u+x "$tool" 2>/dev/null || true
[ -x "$tool" ] || die "the install left no executable at $tool"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A configuration that turns every GitHub rule on (they are off by default).
"$tool" export-validation-config "$work/all.json" >/dev/null ||
  die "the SARIF Multitool does not run: $tool"
node -e '
  const fs = require("fs");
  const all = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const github = {};
  for (const key of Object.keys(all)) {
    if (/^GH\d{4}\./.test(key)) github[key] = { RuleEnabled: "Error" };
  }
  if (Object.keys(github).length === 0) { console.error("no GitHub rules found"); process.exit(1); }
  fs.writeFileSync(process.argv[2], JSON.stringify(github));
' "$work/all.json" "$work/github.json" || die "cannot build the validation configuration"

status=0
for file in "$@"; do
  [ -f "$file" ] || { echo "$file: no such file" >&2; status=1; continue; }
  log=$work/result.sarif
  rm -f "$log"
  # The Multitool exits 0 even when it finds errors; its own SARIF log says what it found.
  if ! "$tool" validate "$file" --rule-kind "Sarif;Gh" --config "$work/github.json" \
      --output "$log" --log ForceOverwrite --quiet >"$work/stdout" 2>&1 || [ ! -s "$log" ]; then
    cat "$work/stdout" >&2
    die "the SARIF Multitool failed on $file"
  fi
  if ! node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    let bad = 0;
    for (const run of log.runs || []) {
      for (const n of (run.invocations || []).flatMap(i => i.toolExecutionNotifications || [])) {
        if (n.level === "error") { console.error(`${process.argv[2]}: tool error: ${n.message.text}`); bad++; }
      }
      const rules = (run.tool.driver.rules || []);
      for (const r of run.results || []) {
        const level = r.level || "warning";  // SARIF default level
        if (level !== "error" && level !== "warning") continue;
        if (process.argv[3].includes(`,${r.ruleId},`)) continue;
        const rule = rules.find(x => x.id === r.ruleId) || {};
        const format = ((rule.messageStrings || {})[r.message.id] || {}).text || r.message.text || r.message.id;
        const text = format.replace(/\{(\d+)\}/g, (_, i) => (r.message.arguments || [])[i])
                           .replace(/\{\{/g, "{").replace(/\}\}/g, "}");
        console.error(`${process.argv[2]}: ${level} ${r.ruleId}: ${text}`);
        bad++;
      }
    }
    process.exit(bad ? 1 : 0);
  ' "$log" "$file" "$ignored"; then
    status=1
  else
    note=""
    [ "$ignored" = "," ] || note="; ignored: $(echo "$ignored" | sed 's/^,//; s/,$//')"
    echo "$file: valid SARIF 2.1.0 (schema, SARIF and GitHub rules$note)"
  fi
done
exit $status
