# attack: the trusted policy forbids lines starting with "HACK:" with a pattern that turns multi-line mode off ((?-m)^HACK:, as a gitleaks-minded author writes it); a commit adds such a line in the middle of a 1.3 MiB file, hoping the whole-file test that lets a range skip a file's line diff reads the pattern in multi-line mode, which its own (?-m) undoes, clears the file and never judges the line — likewise with (?i-m) and a flag group
# surface: range, staged
# expect: block
new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  custom:' '    rules:' \
  '      - id: no-hack-marker' '        kind: forbid_content' '        description: a HACK marker' \
  '        severity: high' "        pattern: '(?-m)^HACK:'" \
  '      - id: no-skip-marker' '        kind: forbid_content' '        description: a SKIP marker' \
  '        severity: high' "        pattern: '(?i-m:^skip-auth:)'"
python3 - big.txt <<'PY'
import sys
open(sys.argv[1], "w").write("".join("plain filler line number %d of a large file\n" % i for i in range(30000)))
PY
commit base
base=$(git rev-parse HEAD)
python3 - big.txt <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
lines[500:500] = ["HACK: skip the auth check"]
lines[900:900] = ["SKIP-AUTH: for the demo"]
open(sys.argv[1], "w").write("\n".join(lines))
PY
git add -A
gate block check --staged
expect_in_output "no-hack-marker"
expect_in_output "no-skip-marker"
commit "two markers"
gate block check --base "$base" --head HEAD
expect_in_output "no-hack-marker"
expect_in_output "no-skip-marker"
