#!/usr/bin/env bash
# Benchmark: `riskgate history` against `git log -p` on a synthetic history with planted secrets,
# and `riskgate check --worktree` against ripgrep with the default pack's patterns.
#
# Builds a deterministic repository with bench/make_history_corpus.py in a temporary folder
# (removed on exit), then times, interleaved, R runs of
#   git log -p -U0 --full-history --all          (the baseline: reading every commit's diff)
#   riskgate history REPO --format json --output FILE
# and prints medians, the riskgate/git ratio against the "<= 0.5" target, riskgate's peak RSS
# against "< 500 MB", recall of the planted secrets (found/total, misses listed) and findings
# that are not planted (false positives). Then it times, on HEAD's checked-out tree,
#   riskgate check --worktree --repo REPO --format json
#   rg -f PATTERNS REPO   (grep -rEI -f PATTERNS if rg is absent; ~25 default-pack regexes)
# against the "<= 2x" target. It only prints figures: it exits 0 whatever they are (non-zero
# only if it cannot run).
#
# With --repo PATH it builds nothing and times, on that existing clone (e.g. a full clone of
# git/git), R interleaved runs of
#   riskgate history PATH --format json --output FILE
#   git log -p -U0 --full-history --all
#   git cat-file --batch-all-objects --batch --unordered   (the floor: every object inflated once)
# and prints medians, riskgate's ratio to each (targets <= 0.2 and <= 1.2) and peak RSS
# (target <= 500 MB); then, when HEAD~300 exists, a CI range
#   riskgate check --repo PATH --base HEAD~300 --head HEAD   against
#   git log -p -U0 HEAD~300..HEAD                             (target <= 1x),
# interleaved, the median of --range-runs pairs (the first right after the floor's run: a run
# of under a second moves by a tenth with the memory the VM zeroes for it).
#
# Usage: bench/history_bench.sh [--riskgate PATH] [--commits N] [--runs R] [--seed S] [--keep]
#        bench/history_bench.sh --repo PATH [--riskgate PATH] [--runs R] [--range-runs N]
#   --riskgate PATH  binary (default: $RISKGATE_BIN, else ../build/src/app/riskgate from here)
#   --commits N (5000)  --runs R (3; 1 with --repo)  --seed S (1)  --keep: keep the temp corpus
#   --range-runs N (5): pairs of range runs with --repo
set -euo pipefail

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
riskgate=${RISKGATE_BIN:-$script_dir/../build/src/app/riskgate}
commits=5000
runs=
range_runs=5
seed=1
keep=0
existing=

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

while (($#)); do
  case $1 in
    --riskgate) riskgate=${2:?--riskgate needs a path}; shift 2 ;;
    --riskgate=*) riskgate=${1#*=}; shift ;;
    --commits) commits=${2:?--commits needs a number}; shift 2 ;;
    --commits=*) commits=${1#*=}; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) runs=${1#*=}; shift ;;
    --range-runs) range_runs=${2:?--range-runs needs a number}; shift 2 ;;
    --range-runs=*) range_runs=${1#*=}; shift ;;
    --seed) seed=${2:?--seed needs a number}; shift 2 ;;
    --seed=*) seed=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    --repo) existing=${2:?--repo needs a path}; shift 2 ;;
    --repo=*) existing=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "history_bench.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

runs=${runs:-$([[ -n $existing ]] && echo 1 || echo 3)}
for n in "$commits" "$runs" "$range_runs" "$seed"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "history_bench.sh: not a number: $n" >&2; exit 2; }
done
((runs >= 1)) || { echo "history_bench.sh: --runs must be >= 1" >&2; exit 2; }
((range_runs >= 1)) || { echo "history_bench.sh: --range-runs must be >= 1" >&2; exit 2; }
((commits >= 200)) || { echo "history_bench.sh: --commits must be >= 200" >&2; exit 2; }

# Resolve the binary to an absolute path before we change directory.
if [[ $riskgate != */* ]]; then
  riskgate=$(command -v -- "$riskgate" || true)
fi
if [[ -z $riskgate || ! -x $riskgate ]]; then
  echo "history_bench.sh: riskgate binary not found or not executable: ${riskgate:-<empty>}" >&2
  echo "  build it with: cmake --build $(cd "$script_dir/.." && pwd)/build  (or pass --riskgate PATH)" >&2
  exit 2
fi
riskgate=$(cd -- "$(dirname -- "$riskgate")" && pwd -P)/$(basename -- "$riskgate")
command -v git >/dev/null || { echo "history_bench.sh: git not found" >&2; exit 2; }
command -v python3 >/dev/null || { echo "history_bench.sh: python3 not found" >&2; exit 2; }
generator=$script_dir/make_history_corpus.py
rules=$script_dir/../rules/default
[[ -f $generator ]] || { echo "history_bench.sh: missing $generator" >&2; exit 2; }
[[ -d $rules ]] || { echo "history_bench.sh: missing $rules" >&2; exit 2; }

# Does this binary have the history command? (An unknown subcommand prints the top-level help.)
has_history=0
if "$riskgate" history --help 2>&1 | grep -qiE '^usage:.*[[:space:]/]history([[:space:]]|$)'; then
  has_history=1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/riskgate-history-bench.XXXXXX")
if ((keep)); then
  trap 'echo "kept: $tmp" >&2' EXIT
else
  trap 'rm -rf -- "$tmp"' EXIT
fi
repo=$tmp/corpus/repo

# Isolate git and libgit2 from the user's configuration (hooks, templates, signing, autocrlf).
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
mkdir -p "$HOME"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export LC_ALL=C TZ=UTC
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR GIT_OBJECT_DIRECTORY

if [[ -n $existing ]]; then
  [[ -d $existing ]] || { echo "history_bench.sh: --repo: no folder $existing" >&2; exit 2; }
  repo=$(cd -- "$existing" && pwd -P)
else
  echo "== building the corpus ($commits commits, seed $seed) in $tmp/corpus" >&2
  t_build0=${EPOCHREALTIME:-0}
  secrets=$((commits / 10 < 40 ? commits / 10 : 40))
  if ! summary=$(python3 -B "$generator" "$tmp/corpus" --commits "$commits" --seed "$seed" --secrets "$secrets"); then
    echo "history_bench.sh: make_history_corpus.py failed" >&2
    exit 2
  fi
  t_build1=${EPOCHREALTIME:-0}
  echo "== $summary" >&2
  planted=$tmp/corpus/planted.json
fi

# ---------------------------------------------------------------------------------------------
# Timing helpers. Each timed run is wrapped in GNU time (when available) for its peak RSS.
have_gnu_time=0
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  have_gnu_time=1
fi

now_us() {  # microseconds since the epoch, without forking when bash has EPOCHREALTIME
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    REPLY=${EPOCHREALTIME/[.,]/}
  else
    REPLY=$(($(date +%s%N) / 1000))
  fi
}

# timed LABEL OKCODES CMD...: runs CMD with stdout to /dev/null; appends ms to $tmp/times/LABEL
# and the peak RSS (KiB) to $tmp/rss/LABEL; exits 2 if CMD's status is not in OKCODES ("0 1").
timed() {
  local label=$1 ok=$2 rc=0 t0 t1
  shift 2
  now_us; t0=$REPLY
  if ((have_gnu_time)); then
    /usr/bin/time -v -o "$tmp/time.out" "$@" >/dev/null 2>"$tmp/stderr.out" || rc=$?
  else
    "$@" >/dev/null 2>"$tmp/stderr.out" || rc=$?
  fi
  now_us; t1=$REPLY
  if [[ " $ok " != *" $rc "* ]]; then
    echo "history_bench.sh: '$label' exited $rc:" >&2
    head -c 2000 "$tmp/stderr.out" >&2
    exit 2
  fi
  echo "$(((t1 - t0) / 1000)).$(printf %03d $(((t1 - t0) % 1000)))" >>"$tmp/times/$label"
  if ((have_gnu_time)); then
    awk -F': *' '/Maximum resident set size/ {print $2}' "$tmp/time.out" >>"$tmp/rss/$label"
  fi
}

stats() {  # prints "median min" of the values in file $1
  sort -g "$1" | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f %.1f\n", m, v[1] }'
}

max_rss() {  # peak RSS in KiB over the runs of label $1, or "?"
  if [[ -s $tmp/rss/$1 ]]; then sort -n "$tmp/rss/$1" | tail -n 1; else echo "?"; fi
}

mkdir -p "$tmp/times" "$tmp/rss"
if [[ -n $existing ]]; then
  ((has_history)) || { echo "history_bench.sh: this riskgate has no history command" >&2; exit 2; }
  git_log=(git -C "$repo" --no-pager log -p -U0 --full-history --all)
  cat_file=(git -C "$repo" cat-file --batch-all-objects --batch --unordered)
  history_cmd=("$riskgate" history "$repo" --format json --output "$tmp/history.json")
  echo "== $repo: $(git -C "$repo" rev-list --all --count) commits, $(git -C "$repo" count-objects -v | awk '/in-pack/ {print $2}') packed objects" >&2
  for ((n = 0; n < runs; n++)); do
    timed history "0 1" "${history_cmd[@]}"
    timed git-log "0" "${git_log[@]}"
    timed cat-file "0" "${cat_file[@]}"
  done
  read -r h_med _ < <(stats "$tmp/times/history")
  read -r g_med _ < <(stats "$tmp/times/git-log")
  read -r c_med _ < <(stats "$tmp/times/cat-file")
  rss_kb=$(max_rss history)
  printf '%-58s %10s %12s\n' "command ($runs run(s), median)" "seconds" "peak RSS"
  printf '%-58s %10.1f %9s MB\n' "riskgate history --format json" "$(awk -v v="$h_med" 'BEGIN{print v/1000}')" \
    "$([[ $rss_kb == "?" ]] && echo "?" || echo $((rss_kb / 1024)))"
  g_rss=$(max_rss git-log); c_rss=$(max_rss cat-file)
  printf '%-58s %10.1f %9s MB\n' "git log -p -U0 --full-history --all" "$(awk -v v="$g_med" 'BEGIN{print v/1000}')" \
    "$([[ $g_rss == "?" ]] && echo "?" || echo $((g_rss / 1024)))"
  printf '%-58s %10.1f %9s MB\n' "git cat-file --batch-all-objects --batch --unordered" "$(awk -v v="$c_med" 'BEGIN{print v/1000}')" \
    "$([[ $c_rss == "?" ]] && echo "?" || echo $((c_rss / 1024)))"
  awk -v h="$h_med" -v g="$g_med" -v c="$c_med" -v rss="$rss_kb" 'BEGIN {
    printf "riskgate / git log -p:   %.2fx (target <= 0.2: %s)\n", h / g, (h / g <= 0.2) ? "MET" : "NOT MET"
    printf "riskgate / cat-file floor: %.2fx (target <= 1.2: %s)\n", h / c, (h / c <= 1.2) ? "MET" : "NOT MET"
    if (rss != "?") printf "riskgate peak RSS: %d MB (target <= 500: %s)\n", rss / 1024, (rss / 1024 <= 500) ? "MET" : "NOT MET"
  }'
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("riskgate findings:", len(d["findings"]), "| blobs read:", d["scope"]["history"]["blobs_read"])' "$tmp/history.json"
  # A CI range: the last 300 first-parent commits, as a pull request's check would judge them.
  if git -C "$repo" rev-parse -q --verify "HEAD~300^{commit}" >/dev/null; then
    range_cmd=("$riskgate" check --repo "$repo" --base HEAD~300 --head HEAD --format json)
    range_log=(git -C "$repo" --no-pager log -p -U0 HEAD~300..HEAD)
    for ((n = 0; n < range_runs; n++)); do
      timed range "0 1" "${range_cmd[@]}"
      timed range-log "0" "${range_log[@]}"
    done
    read -r r_med r_min < <(stats "$tmp/times/range")
    read -r l_med l_min < <(stats "$tmp/times/range-log")
    echo "range HEAD~300..HEAD ($(git -C "$repo" rev-list --count HEAD~300..HEAD) commits," \
      "$range_runs interleaved pair(s), median):" \
      "riskgate check $(awk -v v="$r_med" 'BEGIN{printf "%.2f", v/1000}') s," \
      "git log -p -U0 $(awk -v v="$l_med" 'BEGIN{printf "%.2f", v/1000}') s" \
      "(fastest $(awk -v v="$r_min" 'BEGIN{printf "%.2f", v/1000}') s and" \
      "$(awk -v v="$l_min" 'BEGIN{printf "%.2f", v/1000}') s)"
    awk -v r="$r_med" -v l="$l_med" 'BEGIN {
      printf "range: riskgate / git log -p: %.2fx (target <= 1: %s)\n", r / l, (r / l <= 1) ? "MET" : "NOT MET" }'
  fi
  exit 0
fi
git_log=(git -C "$repo" --no-pager log -p -U0 --full-history --all)
history_json=$tmp/history.json
history_cmd=("$riskgate" history "$repo" --format json --output "$history_json")
worktree_cmd=("$riskgate" check --worktree --repo "$repo" --format json)

# ---------------------------------------------------------------------------------------------
# History: warm the page cache with one git run, one riskgate run (its JSON is judged below),
# then R interleaved runs of each.
timed warmup-git "0" "${git_log[@]}"
if ((has_history)); then
  timed warmup-history "0 1" "${history_cmd[@]}"
  [[ -s $history_json ]] || { echo "history_bench.sh: riskgate history wrote no $history_json" >&2; exit 2; }
  cp "$history_json" "$tmp/history-first.json"
fi
for ((n = 0; n < runs; n++)); do
  timed git-log "0" "${git_log[@]}"
  if ((has_history)); then timed history "0 1" "${history_cmd[@]}"; fi
done

# ---------------------------------------------------------------------------------------------
# Worktree: the default pack's provider regexes that this rg (or grep -E) accepts, ~25 of them.
if command -v rg >/dev/null; then
  grep_kind=rg
  grep_cmd=(rg --no-config -f "$tmp/patterns.txt" "$repo")
else
  grep_kind="grep -rEI"
  grep_cmd=(grep -rEI --exclude-dir=.git -f "$tmp/patterns.txt" "$repo")
fi
python3 - "$rules" "$grep_kind" "$tmp/patterns.txt" <<'PY' >&2
import re, subprocess, sys
import glob, itertools
rules_dir, kind, out = sys.argv[1:]
rules, cur = [], None
for line in itertools.chain.from_iterable(
        open(f, encoding="utf-8") for f in sorted(glob.glob(rules_dir + "/*.yaml"))):
    m = re.match(r"  - id: (\S+)", line)
    if m:
        cur = {"id": m.group(1), "tags": ""}
        rules.append(cur)
    elif cur is not None:
        m = re.match(r"    regex: '(.*)'\s*$", line)
        if m:
            cur["regex"] = m.group(1).replace("''", "'")
        m = re.match(r"    tags: \[(.*)\]", line)
        if m:
            cur["tags"] = m.group(1)
cands = [r for r in rules if r.get("regex") and "generic" not in r["tags"]]

def translate(rx):
    """RE2 -> the tool's syntax, or None if the tool cannot take it."""
    if kind == "rg":
        return rx  # Rust regex: (?i:...), \x27, \b, \s are all fine
    if "(?i" in rx or "(?s" in rx or "(?m" in rx or re.search(r"\[[^\]]*\\", rx):
        return None  # inline flags, or escapes inside a bracket (literal in POSIX ERE)
    rx = rx.replace("(?:", "(").replace(r"\d", "[0-9]")
    rx = re.sub(r"\\x([0-9a-fA-F]{2})", lambda m: re.escape(chr(int(m.group(1), 16))), rx)
    return rx

def accepted(rx):
    cmd = ["rg", "--no-config", "-e", rx, "--", "/dev/null"] if kind == "rg" else ["grep", "-E", "-e", rx, "/dev/null"]
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode in (0, 1)

must = ["github-pat-classic", "aws-access-key-id", "slack-bot-token", "stripe-secret-key", "gitlab-pat"]
chosen, skipped = [], 0
order = [r for r in cands if r["id"] in must]
rest = [r for r in cands if r["id"] not in must]
stride = max(1, len(rest) // 20)
order += rest[::stride] + [r for i, r in enumerate(rest) if i % stride]
for r in order:
    if len(chosen) >= 25:
        break
    rx = translate(r["regex"])
    if rx is None or not accepted(rx):
        skipped += 1
        continue
    chosen.append((r["id"], rx))
with open(out, "w", encoding="utf-8") as fh:
    fh.write("".join(rx + "\n" for _, rx in chosen))
print(f"== {len(chosen)} patterns for {kind} (of {len(cands)} provider rules; {skipped} skipped as unsupported): "
      + " ".join(i for i, _ in chosen))
PY
timed warmup-worktree "0 1" "${worktree_cmd[@]}"
timed warmup-grep "0 1" "${grep_cmd[@]}"
for ((n = 0; n < runs; n++)); do
  timed worktree "0 1" "${worktree_cmd[@]}"
  timed grep "0 1" "${grep_cmd[@]}"
done

# ---------------------------------------------------------------------------------------------
# Report.
echo
echo "riskgate history benchmark: $summary"
echo "timer: bash EPOCHREALTIME, 1 warm-up + $runs interleaved runs each (median shown);" \
     "nproc=$(nproc); $(git --version); riskgate $("$riskgate" --version 2>/dev/null | head -n 1);" \
     "$(date -u +%Y-%m-%dT%H:%MZ)"
echo
row() { printf '%-58s %10s %10s %12s\n' "$@"; }
row "command" "median ms" "min ms" "peak RSS KiB"
row "$(printf -- '-%.0s' {1..58})" "----------" "----------" "------------"
read -r g_med g_min < <(stats "$tmp/times/git-log")
row "git log -p -U0 --full-history --all" "$g_med" "$g_min" "$(max_rss git-log)"
if ((has_history)); then
  read -r h_med h_min < <(stats "$tmp/times/history")
  row "riskgate history REPO --format json --output FILE" "$h_med" "$h_min" "$(max_rss history)"
else
  row "riskgate history (not in this binary: SKIPPED)" "-" "-" "-"
fi
read -r w_med w_min < <(stats "$tmp/times/worktree")
read -r r_med r_min < <(stats "$tmp/times/grep")
row "riskgate check --worktree --format json" "$w_med" "$w_min" "$(max_rss worktree)"
row "$grep_kind -f patterns.txt ($(wc -l <"$tmp/patterns.txt") default-pack regexes)" "$r_med" "$r_min" "$(max_rss grep)"
echo
if ((has_history)); then
  awk -v r="$h_med" -v g="$g_med" -v rm="$h_min" -v gm="$g_min" 'BEGIN {
    ratio = r / g
    printf "history:  riskgate / git log -p (median): %.2fx  (min/min: %.2fx)  target <= 0.5x: %s\n",
      ratio, rm / gm, (ratio <= 0.5 ? "MET" : "NOT MET")
  }'
  rss=$(max_rss history)
  if [[ $rss == "?" ]]; then
    echo "history:  peak RSS: not measured (/usr/bin/time -v not available; apt-get install time)"
  else
    awk -v k="$rss" 'BEGIN { printf "history:  peak RSS %.1f MB  target < 500 MB: %s\n", k / 1024,
      (k / 1024 < 500 ? "MET" : "NOT MET") }'
  fi
  python3 - "$tmp/history-first.json" "$planted" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
planted = json.load(open(sys.argv[2]))

def same(a, b):
    return bool(a) and bool(b) and (a.startswith(b) or b.startswith(a))

def places(f):
    """(commit, path) pairs of a finding: its occurrences, its introduction and its top level."""
    h = f.get("history") or {}
    out = [(o.get("commit") or "", o.get("path") or "") for o in h.get("occurrences") or []]
    intro = h.get("introduced") or {}
    out.append((intro.get("commit") or "", intro.get("path") or ""))
    out.append((f.get("commit") or "", f.get("path") or ""))
    return out

findings = rep.get("findings", [])
secrets = [f for f in findings if f.get("control") == "secrets"]
hits, misses = 0, []
for e in planted:
    if any(same(c, e["commit"]) and p == e["path"] for f in secrets for c, p in places(f)):
        hits += 1
    else:
        misses.append(e)
known = [(e["commit"], e["path"]) for e in planted]
known += [(e["renamed_to"]["commit"], e["renamed_to"]["path"]) for e in planted if "renamed_to" in e]
fps = [f for f in findings
       if not any(same(c, kc) and p == kp for c, p in places(f) for kc, kp in known)]
pct = 100.0 * hits / len(planted) if planted else 100.0
print(f"history:  recall {hits}/{len(planted)} planted introductions ({pct:.1f}%) "
      f"[{len({e['secret_index'] for e in planted})} distinct secrets]")
for e in misses:
    print(f"  missed: {e['commit'][:10]} {e['path']} {e['secret_prefix']}... ({e['rule_hint']}, {e['kind']})")
dec = rep.get("decision")
print(f"history:  riskgate reported {len(findings)} findings ({len(secrets)} secrets, decision {dec}); "
      f"{len(fps)} not planted (false positives)")
for f in fps[:15]:
    print(f"  not planted: {f.get('rule')} {str(f.get('commit') or '')[:10]} {f.get('path')}:{f.get('line')}")
if len(fps) > 15:
    print(f"  ... and {len(fps) - 15} more")
PY
else
  echo "history:  SKIPPED: $riskgate has no 'history' command (riskgate history --help shows the top-level help)"
fi
awk -v r="$w_med" -v g="$r_med" -v rm="$w_min" -v gm="$r_min" -v k="$grep_kind" 'BEGIN {
  ratio = r / g
  printf "worktree: riskgate check --worktree / %s (median): %.2fx  (min/min: %.2fx)  target <= 2x: %s\n",
    k, ratio, rm / gm, (ratio <= 2 ? "MET" : "NOT MET")
}'
echo "(corpus built in $(awk -v a="$t_build0" -v b="$t_build1" 'BEGIN {printf "%.1f", b - a}') s)" >&2
exit 0
