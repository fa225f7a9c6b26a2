#!/usr/bin/env bash
# Precision benchmark of the pins control (issue 22) on real-world GitHub Actions workflows.
#
# Copies the corpus in bench/workflows/ (listed in bench/workflows/MANIFEST.tsv) into a temporary
# git repository laid out so the pins control reads every file, runs
# `riskgate check --worktree --format json` there under the built-in policy, and prints the
# number of files and repositories and the findings per rule. With --sample N it also prints a
# deterministic random sample of N pins findings (rule, path:line, the line's text, message) for
# checking by hand (bench/workflows/HAND_CHECK.md).
#
# Policy: the built-in default, with only the report caps raised so every finding is listed.
#
# Layout of the temporary repository: riskgate reads workflows only at `.github/workflows/*.yml`
# of the repository root and `action.yml` anywhere, so each workflow becomes
# `.github/workflows/<owner>__<repo>__<name>.yml` and each composite action
# `<owner>__<repo>/<dir>/action.yml`. Reported paths are mapped back to the corpus
# (bench/workflows/<owner>__<repo>/<original path>).
#
# Usage: bash bench/workflow_bench.sh [--riskgate PATH] [--sample N [--seed S]]
#   --riskgate PATH  the binary (default: build/dev/src/app/riskgate under the project root)
#   --sample N       also print N findings picked at random (deterministic for a given seed)
#   --seed S         seed of the sample (default 22)
# Exit status: 0 when riskgate ran (its exit 0 = pass or 1 = blocked are both expected), 2 when
# riskgate failed (exit 2 or more), its output is not JSON, or the arguments are wrong.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
corpus=$root/bench/workflows
riskgate=$root/build/dev/src/app/riskgate
sample=0
seed=22

usage() { sed -n 's/^# \{0,1\}//; /^Usage:/,/^Exit status/p' "${BASH_SOURCE[0]}" | sed '$d'; }
while [ $# -gt 0 ]; do
  case $1 in
    --riskgate) [ $# -ge 2 ] || { usage >&2; exit 2; }; riskgate=$2; shift 2 ;;
    --riskgate=*) riskgate=${1#*=}; shift ;;
    --sample) [ $# -ge 2 ] || { usage >&2; exit 2; }; sample=$2; shift 2 ;;
    --sample=*) sample=${1#*=}; shift ;;
    --seed) [ $# -ge 2 ] || { usage >&2; exit 2; }; seed=$2; shift 2 ;;
    --seed=*) seed=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "workflow_bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $sample =~ ^[0-9]+$ ]] || { echo "workflow_bench: --sample takes a number" >&2; exit 2; }
[[ $seed =~ ^-?[0-9]+$ ]] || { echo "workflow_bench: --seed takes an integer" >&2; exit 2; }
case $riskgate in /*) ;; *) riskgate=$PWD/$riskgate ;; esac
[ -x "$riskgate" ] || { echo "workflow_bench: no riskgate binary at $riskgate" >&2; exit 2; }
[ -f "$corpus/MANIFEST.tsv" ] || { echo "workflow_bench: no $corpus/MANIFEST.tsv" >&2; exit 2; }
command -v python3 >/dev/null || { echo "workflow_bench: python3 is needed" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/workflow_bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo
mkdir -p "$repo/.github/workflows"

# Lay out the corpus; map.tsv: path in the temporary repository <TAB> path in the corpus.
: >"$tmp/map.tsv"
while IFS=$'\t' read -r name _commit _licence path; do
  [ -n "$name" ] || continue
  src=$corpus/${name/\//__}/$path
  # Composite actions are stored as action.corpus.yml: riskgate reads action.yml anywhere, and
  # this repository's own gate is not to judge the corpus.
  case $path in
    action.yml | action.yaml | */action.yml | */action.yaml)
      src=$(dirname "$src")/action.corpus.${path##*.} ;;
  esac
  [ -f "$src" ] || { echo "workflow_bench: MANIFEST.tsv lists a missing file: $src" >&2; exit 2; }
  case $path in
    .github/workflows/*)
      base=${path##*/}
      dst=.github/workflows/${name/\//__}__${base%.*}.yml ;;
    action.yml | action.yaml | */action.yml | */action.yaml)
      dst=${name/\//__}/$path ;;
    *) echo "workflow_bench: neither a workflow nor an action.yml: $name $path" >&2; exit 2 ;;
  esac
  [ ! -e "$repo/$dst" ] || { echo "workflow_bench: two corpus files map to $dst" >&2; exit 2; }
  mkdir -p "$(dirname "$repo/$dst")"
  cp "$src" "$repo/$dst"
  printf '%s\t%s\n' "$dst" "bench/workflows/${src#"$corpus/"}" >>"$tmp/map.tsv"
done <"$corpus/MANIFEST.tsv"

# A clean git environment: no inherited repository, hooks, signing or global configuration.
gitc() {
  env -u GIT_DIR -u GIT_INDEX_FILE -u GIT_WORK_TREE GIT_CONFIG_GLOBAL=/dev/null \
    GIT_CONFIG_NOSYSTEM=1 git -C "$repo" -c user.name=bench -c user.email=bench@example.invalid \
    -c commit.gpgsign=false -c core.hooksPath=/dev/null -c core.autocrlf=false "$@"
}
gitc init -q
gitc add -A
gitc commit -q --no-verify -m "workflow corpus"

# The built-in policy but for the report caps (100 findings a file, 1000 a run), so that every
# finding is listed; the policy file is outside the repository. No CI scope detection, no network.
cat >"$tmp/policy.yaml" <<'YAML'
version: 1
limits:
  max_findings: 1000000
  max_findings_per_file: 1000000
YAML
status=0
(cd "$repo" && env -u GIT_DIR -u GIT_INDEX_FILE -u GIT_WORK_TREE -u CI -u GITHUB_ACTIONS \
  -u GITLAB_CI -u PRE_COMMIT -u GITHUB_TOKEN -u RISKGATE_GITHUB_TOKEN -u RISKGATE_NETWORK \
  GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 \
  "$riskgate" check --worktree --policy "$tmp/policy.yaml" --format json >"$tmp/out.json" 2>"$tmp/err.txt") || status=$?
if [ "$status" -ge 2 ]; then
  echo "workflow_bench: riskgate failed (exit $status):" >&2
  cat "$tmp/err.txt" >&2
  exit 2
fi

python3 - "$tmp/out.json" "$tmp/map.tsv" "$repo" "$status" "$sample" "$seed" <<'PY'
import collections, json, os, random, sys

out, map_path, repo, status, sample, seed = sys.argv[1:]
sample, seed = int(sample), int(seed)
try:
    report = json.load(open(out, encoding="utf-8"))
except ValueError as e:
    sys.exit(f"workflow_bench: riskgate's output is not JSON: {e}")

corpus_of = {}
with open(map_path, encoding="utf-8") as m:
    for row in m:
        dst, src = row.rstrip("\n").split("\t")
        corpus_of[dst] = src
files = len(corpus_of)
repos = len({src.split("/")[2] for src in corpus_of.values()})
actions = sum(1 for d in corpus_of if os.path.basename(d) in ("action.yml", "action.yaml"))

findings = report.get("findings", [])
omitted = (report.get("summary") or {}).get("omitted", 0)
if omitted:
    print(f"workflow_bench: warning: riskgate left {omitted} findings out of its report",
          file=sys.stderr)
pins = [f for f in findings if f.get("control") == "pins"]
others = [f for f in findings if f.get("control") != "pins"]

def where(f):
    return corpus_of.get(f.get("path") or "", f.get("path") or "?")

print(f"corpus: {files} files ({files - actions} workflows, {actions} composite actions) "
      f"from {repos} repositories")
print(f"riskgate: exit {status} ({'blocked' if status == '1' else 'not blocked'}), "
      f"decision {report.get('decision', '?')}; {len(findings)} findings: {len(pins)} pins, "
      f"{len(others)} other controls")
print()

def table(items, key):
    count = collections.Counter()
    sev = collections.defaultdict(set)
    touched = collections.defaultdict(set)
    for f in items:
        k = key(f)
        count[k] += 1
        sev[k].add(f.get("severity") or "?")
        touched[k].add(where(f))
    rows = sorted(count, key=lambda k: (-count[k], k))
    width = max([len(k) for k in rows] + [4])
    print(f"{'rule':<{width}}  {'severity':<15}  {'count':>6}  {'files':>5}  {'% files':>7}")
    for k in rows:
        print(f"{k:<{width}}  {'/'.join(sorted(sev[k])):<15}  {count[k]:>6}  "
              f"{len(touched[k]):>5}  {100 * len(touched[k]) / files:>6.1f}%")
    all_files = {where(f) for f in items}
    print(f"{'total':<{width}}  {'':<15}  {len(items):>6}  {len(all_files):>5}  "
          f"{100 * len(all_files) / files:>6.1f}%")

print("pins findings per rule (files: corpus files with at least one)")
table(pins, lambda f: f.get("rule") or "?")
if others:
    print()
    print("other controls' findings (not part of this benchmark)")
    table(others, lambda f: f"{f.get('control')}/{f.get('rule')}")

if sample:
    ordered = sorted(pins, key=lambda f: (where(f), f.get("line") or 0, f.get("column") or 0,
                                          f.get("rule") or "", f.get("message") or ""))
    picked = random.Random(seed).sample(ordered, min(sample, len(ordered)))
    print()
    print(f"sample of {len(picked)} pins findings (seed {seed})")
    lines_of = {}
    for i, f in enumerate(picked, 1):
        path, line = f.get("path") or "", f.get("line") or 0
        if path not in lines_of:
            try:
                with open(os.path.join(repo, path), encoding="utf-8", errors="replace") as fh:
                    lines_of[path] = fh.read().splitlines()
            except OSError:
                lines_of[path] = []
        text = lines_of[path][line - 1].strip() if 0 < line <= len(lines_of[path]) else ""
        if len(text) > 160:
            text = text[:157] + "..."
        print(f"{i:>3}. {f.get('rule')} [{f.get('severity')}] {where(f)}:{line}")
        print(f"     line: {text}")
        print(f"     message: {f.get('message')}")
PY
