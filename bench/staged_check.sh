#!/usr/bin/env bash
# Benchmark: `riskgate check --staged` against `git diff --cached` on a realistic repository.
#
# Builds a deterministic synthetic git repository in a temporary folder (removed on exit),
# stages a 20-file change that contains one planted fake AWS access key id, then times
#   git diff --cached          (the baseline: what a pre-commit hook has to read anyway)
#   git diff --cached -U0      (reference)
#   riskgate check --staged --format json
# and prints median/min wall time, the riskgate/git ratio against the "< 3x" target and peak RSS.
# It only prints figures: it exits 0 whatever they are (non-zero only if it cannot run).
#
# Usage: bench/staged_check.sh [--riskgate PATH] [--runs N] [--warmup N] [--files N] [--keep]
#   --riskgate PATH  binary (default: $RISKGATE_BIN, else ../build/src/app/riskgate from here)
#   --runs N (30)  --warmup N (3)  --files N (2000, repo size)  --keep: keep the temp repo
set -euo pipefail

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
riskgate=${RISKGATE_BIN:-$script_dir/../build/src/app/riskgate}
runs=30
warmup=3
files=2000
keep=0

usage() {
  sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while (($#)); do
  case $1 in
    --riskgate) riskgate=${2:?--riskgate needs a path}; shift 2 ;;
    --riskgate=*) riskgate=${1#*=}; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) runs=${1#*=}; shift ;;
    --warmup) warmup=${2:?--warmup needs a number}; shift 2 ;;
    --warmup=*) warmup=${1#*=}; shift ;;
    --files) files=${2:?--files needs a number}; shift 2 ;;
    --files=*) files=${1#*=}; shift ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "staged_check.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

for n in "$runs" "$warmup" "$files"; do
  [[ $n =~ ^[0-9]+$ ]] || { echo "staged_check.sh: not a number: $n" >&2; exit 2; }
done
((runs >= 1)) || { echo "staged_check.sh: --runs must be >= 1" >&2; exit 2; }
((files >= 100)) || { echo "staged_check.sh: --files must be >= 100" >&2; exit 2; }

# Resolve the binary to an absolute path before we change directory.
if [[ $riskgate != */* ]]; then
  riskgate=$(command -v -- "$riskgate" || true)
fi
if [[ -z $riskgate || ! -x $riskgate ]]; then
  echo "staged_check.sh: riskgate binary not found or not executable: ${riskgate:-<empty>}" >&2
  echo "  build it with: cmake --build $(cd "$script_dir/.." && pwd)/build  (or pass --riskgate PATH)" >&2
  exit 2
fi
riskgate=$(cd -- "$(dirname -- "$riskgate")" && pwd -P)/$(basename -- "$riskgate")
command -v git >/dev/null || { echo "staged_check.sh: git not found" >&2; exit 2; }
command -v python3 >/dev/null || { echo "staged_check.sh: python3 not found" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/riskgate-bench.XXXXXX")
if ((keep)); then
  trap 'echo "kept: $tmp" >&2' EXIT
else
  trap 'rm -rf -- "$tmp"' EXIT
fi
repo=$tmp/repo

# Isolate git and libgit2 from the user's configuration (hooks, templates, signing, autocrlf).
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config
mkdir -p "$HOME"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME="Bench Author" GIT_AUTHOR_EMAIL="bench@example.invalid"
export GIT_COMMITTER_NAME="Bench Author" GIT_COMMITTER_EMAIL="bench@example.invalid"
export LC_ALL=C TZ=UTC
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_COMMON_DIR GIT_OBJECT_DIRECTORY

# ---------------------------------------------------------------------------------------------
# Deterministic content generator (seeded; the same --files gives byte-identical repositories).
cat >"$tmp/gen.py" <<'PY'
import os, random, sys

SEED = 20240611
WORDS = ("account user order invoice payment cache session request response handler queue "
         "worker metric event record batch report config router client server buffer stream "
         "table index schema query filter mapper parser loader writer reader item price "
         "customer vendor ledger shipment route zone region tenant profile audit policy rule "
         "job task step stage pipeline artifact build deploy release node cluster volume").split()
VERBS = "get set load save parse build render compute update delete create find check apply merge sync".split()
TOP = ["services", "lib", "pkg", "web", "internal", "tools", "deploy", "docs"]
EXTS = [".py"] * 5 + [".go"] * 4 + [".js"] * 3 + [".ts"] * 3 + [".java"] * 3 + [".c"] * 2 + [".yaml"] * 2 + [".md"] * 2
ENV_SAFE = {  # realistic but harmless config assignments; they must NOT fire
    ".py": ['password = os.environ["DB_PASSWORD"]', 'token = request.headers.get("Authorization", "")'],
    ".go": ['password := os.Getenv("DB_PASSWORD")', 'secretName := cfg.SecretRef("db/credentials")'],
    ".js": ['const password = process.env.DB_PASSWORD;'],
    ".ts": ['const token: string = process.env.API_TOKEN ?? "";'],
    ".java": ['String password = System.getenv("DB_PASSWORD");'],
    ".c": ['const char *password = getenv("DB_PASSWORD");'],
    ".yaml": ['password: ${DB_PASSWORD}', 'token: "{{ .Values.apiTokenRef }}"'],
    ".md": ['Set `password = os.environ["DB_PASSWORD"]` in your settings module; never inline it.'],
}

def ident(r, n=2, sep="_"):
    return sep.join(r.choice(WORDS) for _ in range(n))

def camel(r, n=2):
    w = [r.choice(WORDS) for _ in range(n)]
    return w[0] + "".join(x.capitalize() for x in w[1:])

def pascal(r, n=2):
    return "".join(r.choice(WORDS).capitalize() for _ in range(n))

def sentence(r):
    return " ".join(r.choice(WORDS + VERBS) for _ in range(r.randint(5, 12)))

def block_py(r):
    f, a, b = r.choice(VERBS) + "_" + ident(r), ident(r, 1), ident(r, 1) + "s"
    out = [f"def {f}({a}, {b}=None, limit={r.randint(1, 500)}):",
           f'    """{sentence(r).capitalize()}."""',
           f"    result = []"]
    for _ in range(r.randint(2, 8)):
        k = r.randint(0, 3)
        if k == 0:
            out += [f"    for item in ({b} or []):", f"        if item.{ident(r, 1)} > {r.randint(0, 99)}:",
                    f"            result.append(item)"]
        elif k == 1:
            out += [f"    # {sentence(r)}", f"    {ident(r)} = {a}.get(\"{ident(r, 1)}\", {r.randint(0, 9)})"]
        elif k == 2:
            out += [f"    if len(result) >= limit:", f"        log.debug(\"{sentence(r)}\")", f"        return result[:limit]"]
        else:
            out += [f"    {ident(r)} = {r.choice(VERBS)}_{ident(r, 1)}({a}, {r.randint(0, 64)})"]
    out += ["    return result", ""]
    return out

def block_go(r):
    f, t = pascal(r), pascal(r, 1)
    out = [f"// {f} {sentence(r)}.", f"func {f}(ctx context.Context, in []*{t}) ([]*{t}, error) {{",
           f"\tout := make([]*{t}, 0, len(in))"]
    for _ in range(r.randint(2, 8)):
        k = r.randint(0, 2)
        if k == 0:
            out += ["\tfor _, v := range in {", f"\t\tif v.{pascal(r, 1)} > {r.randint(0, 99)} {{",
                    "\t\t\tout = append(out, v)", "\t\t}", "\t}"]
        elif k == 1:
            out += [f"\t// {sentence(r)}", "\tif err := ctx.Err(); err != nil {",
                    f"\t\treturn nil, fmt.Errorf(\"{ident(r, 1)}: %w\", err)", "\t}"]
        else:
            out += [f"\t{camel(r)} := {camel(r)}(len(out), {r.randint(0, 64)})", f"\t_ = {camel(r, 1)}"]
    out += ["\treturn out, nil", "}", ""]
    return out

def block_js(r, ts=False):
    f, a = r.choice(VERBS) + pascal(r), camel(r, 1)
    sig = f"export async function {f}({a}{': ' + pascal(r, 1) + '[]' if ts else ''}, opts = {{}})"
    out = [f"/** {sentence(r).capitalize()}. */", sig + " {", "  const result = [];"]
    for _ in range(r.randint(2, 8)):
        k = r.randint(0, 2)
        if k == 0:
            out += [f"  for (const item of {a}) {{", f"    if (item.{camel(r, 1)} > {r.randint(0, 99)}) {{",
                    "      result.push(item);", "    }", "  }"]
        elif k == 1:
            out += [f"  // {sentence(r)}", f"  const {camel(r)} = await opts.{r.choice(VERBS)}?.({r.randint(0, 64)});"]
        else:
            out += [f"  if (result.length > {r.randint(10, 500)}) {{", f"    throw new Error('{sentence(r)}');", "  }"]
    out += ["  return result;", "}", ""]
    return out

def block_java(r):
    f, t = r.choice(VERBS) + pascal(r), pascal(r, 1)
    out = [f"    /** {sentence(r).capitalize()}. */", f"    public List<{t}> {f}(List<{t}> in, int limit) {{",
           f"        List<{t}> out = new ArrayList<>();"]
    for _ in range(r.randint(2, 8)):
        k = r.randint(0, 2)
        if k == 0:
            out += [f"        for ({t} v : in) {{", f"            if (v.get{pascal(r, 1)}() > {r.randint(0, 99)}) {{",
                    "                out.add(v);", "            }", "        }"]
        elif k == 1:
            out += [f"        // {sentence(r)}", f"        int {camel(r)} = Math.min(limit, {r.randint(0, 64)});"]
        else:
            out += ["        if (out.size() > limit) {", f"            throw new IllegalStateException(\"{sentence(r)}\");", "        }"]
    out += ["        return out;", "    }", ""]
    return out

def block_c(r):
    f = r.choice(VERBS) + "_" + ident(r)
    out = [f"/* {sentence(r)}. */", f"static int {f}(const struct {ident(r, 1)} *in, size_t n)", "{",
           "    int acc = 0;"]
    for _ in range(r.randint(2, 8)):
        k = r.randint(0, 2)
        if k == 0:
            out += ["    for (size_t i = 0; i < n; ++i) {", f"        if (in[i].{ident(r, 1)} > {r.randint(0, 99)})",
                    "            acc += 1;", "    }"]
        elif k == 1:
            out += [f"    /* {sentence(r)} */", f"    acc ^= {r.randint(0, 65535)};"]
        else:
            out += [f"    if (acc > {r.randint(100, 9999)})", "        return -1;"]
    out += ["    return acc;", "}", ""]
    return out

def block_yaml(r):
    out = [f"{ident(r)}:", f"  # {sentence(r)}", f"  enabled: {r.choice(['true', 'false'])}",
           f"  replicas: {r.randint(1, 12)}", f"  image: registry.example.invalid/{ident(r, 1, '-')}:{r.randint(1, 9)}.{r.randint(0, 30)}",
           "  env:"]
    for _ in range(r.randint(1, 5)):
        out += [f"    - name: {ident(r).upper()}", f"      value: \"{ident(r, 1)}-{r.randint(0, 999)}\""]
    return out

def block_md(r):
    out = [f"## {sentence(r).capitalize()}", ""]
    for _ in range(r.randint(1, 4)):
        out += [sentence(r).capitalize() + ". " + sentence(r) + ".", ""]
    if r.random() < 0.3:
        out += ["```sh", f"make {ident(r, 1, '-')} {ident(r, 1).upper()}={r.randint(0, 9)}", "```", ""]
    return out

BLOCK = {".py": block_py, ".go": block_go, ".js": block_js, ".ts": lambda r: block_js(r, True),
         ".java": block_java, ".c": block_c, ".yaml": block_yaml, ".md": block_md}

def header(ext, r, path):
    name = os.path.splitext(os.path.basename(path))[0]
    return {".py": [f'"""{sentence(r).capitalize()}."""', "import logging", "import os", "", "log = logging.getLogger(__name__)", ""],
            ".go": [f"// Package {name.replace('_', '')} {sentence(r)}.", f"package {name.replace('_', '')}", "",
                    "import (", '\t"context"', '\t"fmt"', ")", ""],
            ".js": [f"// {sentence(r)}", "'use strict';", ""],
            ".ts": [f"// {sentence(r)}", f"import {{ {pascal(r, 1)} }} from './{ident(r, 1)}';", ""],
            ".java": [f"package com.example.{ident(r, 1)};", "", "import java.util.ArrayList;", "import java.util.List;", "",
                      f"public final class {pascal(r)} {{", ""],
            ".c": [f"/* {sentence(r)} */", "#include <stddef.h>", "#include <stdlib.h>", ""],
            ".yaml": [f"# {sentence(r)}", "apiVersion: v1", f"kind: {pascal(r, 1)}", ""],
            ".md": [f"# {pascal(r)}", ""]}[ext]

def body(ext, r, nlines):
    out = []
    while len(out) < nlines:
        out += BLOCK[ext](r)
    return out[:nlines]

def render(path, r, nlines, safe=False):
    ext = os.path.splitext(path)[1]
    head = header(ext, r, path)
    lines = head + body(ext, r, max(10, nlines - len(head) - (ext == ".java")))
    if safe:
        at = r.randint(len(lines) // 3, len(lines) - 1)
        lines[at:at] = ENV_SAFE[ext]
    if ext == ".java":
        lines.append("}")
    return "\n".join(lines) + "\n"

def layout(nfiles):
    r = random.Random(SEED)
    dirs = []
    for top in TOP:
        for _ in range(r.randint(3, 6)):
            d2 = f"{top}/{ident(r, 1)}_{r.randint(0, 99)}"
            for _ in range(r.randint(2, 4)):
                d3 = f"{d2}/{ident(r, 1)}"
                dirs.append(d3)
                if r.random() < 0.5:
                    dirs.append(f"{d3}/{ident(r, 1)}")
    paths, seen = [], set()
    while len(paths) < nfiles:
        ext = r.choice(EXTS)
        p = f"{r.choice(dirs)}/{ident(r, 2)}{ext}"
        if p not in seen:
            seen.add(p)
            paths.append(p)
    return paths

def write(root, path, text, mode="w"):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, mode, newline="\n") as fh:
        fh.write(text)

def insert_lines(root, path, extra, r=None):
    """Insert lines at the end (or, given r, at a random line), keeping a Java class's brace last."""
    full = os.path.join(root, path)
    with open(full) as fh:
        lines = fh.read().split("\n")[:-1]
    end = len(lines) - 1 if path.endswith(".java") else len(lines)
    at = r.randint(len(lines) // 4, end) if r is not None else end
    lines[at:at] = extra
    with open(full, "w", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")

def main():
    root, nfiles, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    paths = layout(nfiles)
    ncommits = 10
    if mode == "commit":
        k = int(sys.argv[4])                        # 1..ncommits
        r = random.Random(SEED * 100 + k)
        chunk = paths[(k - 1) * nfiles // ncommits: k * nfiles // ncommits]
        for i, p in enumerate(chunk):
            write(root, p, render(p, r, r.randint(50, 400), safe=(k == 1 and i < 3)))
        if k > 1:                                   # later commits also touch earlier files
            earlier = paths[: (k - 1) * nfiles // ncommits]
            for p in r.sample(earlier, min(len(earlier), 25)):
                ext = os.path.splitext(p)[1]
                insert_lines(root, p, body(ext, r, r.randint(3, 15)))
    elif mode == "stage":
        r = random.Random(SEED * 100 + 99)
        changed = []
        for p in r.sample(paths, 15):               # 15 modified files, 20-60 added lines each
            ext = os.path.splitext(p)[1]
            insert_lines(root, p, body(ext, r, r.randint(20, 60)), r)
            changed.append(p)
        new_exts = [".py", ".go", ".ts", ".yaml", ".java"]
        d = os.path.dirname(paths[0])
        for i, ext in enumerate(new_exts):           # 5 new files, 100-300 lines each
            p = f"{d}/new_{ident(r, 2)}_{i}{ext}"
            write(root, p, render(p, r, r.randint(100, 300), safe=(i == 1)))
            changed.append(p)
            if i == 0:
                # The planted finding, assembled at run time so no key-shaped literal exists in
                # this script: AKIA + 16 chars of [A-Z2-7] (the shape of an AWS access key id).
                fake = "AKIA" + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
                insert_lines(root, p, ["", "# Local override for the billing exporter (to be removed).",
                                       f'AWS_ACCESS_KEY_ID = "{fake}"',
                                       'AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")'])
                print(f"planted={p}:{fake[:4]}...", file=sys.stderr)
        print("\n".join(changed))

main()
PY

echo "== building a synthetic repository ($files files, 10 commits) in $tmp" >&2
t_build0=${EPOCHREALTIME:-0}
git init -q -b main "$repo" 2>/dev/null || { git init -q "$repo"; git -C "$repo" symbolic-ref HEAD refs/heads/main; }
git -C "$repo" config core.autocrlf false
git -C "$repo" config commit.gpgsign false
for k in $(seq 1 10); do
  python3 "$tmp/gen.py" "$repo" "$files" commit "$k"
  git -C "$repo" add -A
  printf -v GIT_AUTHOR_DATE '2024-06-%02dT12:00:00Z' "$k"
  export GIT_AUTHOR_DATE GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
  git -C "$repo" commit -q -m "Commit $k: synthetic change set"
done
# Pack the history as a real clone would be; the staged blobs below stay loose, as after `git add`.
git -C "$repo" gc -q --prune=now
python3 "$tmp/gen.py" "$repo" "$files" stage >"$tmp/staged.txt" 2>"$tmp/planted.txt"
git -C "$repo" add -A
t_build1=${EPOCHREALTIME:-0}

cd "$repo"
tracked=$(git ls-files | wc -l)
read -r tot_lines < <(git ls-files -z | xargs -0 cat | wc -l)
read -r nstaged add del < <(git diff --cached --numstat | awk '{f++; a+=$1; d+=$2} END {print f, a, d}')
diff_bytes=$(git diff --cached | wc -c)
echo "== repo: $tracked tracked files, $tot_lines lines, $(git rev-list --count HEAD) commits;" \
     "staged: $nstaged files, +$add/-$del lines, $diff_bytes bytes of diff" >&2
echo "== $(cat "$tmp/planted.txt")" >&2

# Sanity: riskgate must run and report exactly the planted finding (exit 1 = block).
rc=0
"$riskgate" check --staged --format json >"$tmp/report.json" || rc=$?
if ((rc >= 2)); then
  echo "staged_check.sh: riskgate failed (exit $rc):" >&2
  cat "$tmp/report.json" >&2
  exit 2
fi
python3 - "$tmp/report.json" "$rc" <<'PY' >&2
import json, sys
rep, rc = json.load(open(sys.argv[1])), sys.argv[2]
rules = sorted({f["rule"] for f in rep.get("findings", [])})
print(f"== riskgate: exit {rc}, decision {rep.get('decision')}, files_scanned "
      f"{rep.get('scope', {}).get('files_scanned')}, findings {len(rep.get('findings', []))} {rules}")
if rc != "1" or len(rep.get("findings", [])) != 1:
    print("== WARNING: expected exit 1 with exactly one finding (the planted key)")
PY

# ---------------------------------------------------------------------------------------------
# Timing. Results go to $tmp/times/<label> as one millisecond value per line.
mkdir -p "$tmp/times"
labels=("git diff --cached" "git diff --cached -U0" "riskgate check --staged --format json")
cmds=("git --no-pager diff --cached" "git --no-pager diff --cached -U0"
      "$riskgate check --staged --format json")

now_us() {  # microseconds since the epoch, without forking when bash has EPOCHREALTIME
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME/[.,]/}
    REPLY=$t
  else
    REPLY=$(($(date +%s%N) / 1000))
  fi
}

run_once() {  # run command #$1 once, output discarded; riskgate's exit 1 (block) is expected
  local i=$1 rc=0
  case $i in
    0) git --no-pager diff --cached >/dev/null || rc=$? ;;
    1) git --no-pager diff --cached -U0 >/dev/null || rc=$? ;;
    2) "$riskgate" check --staged --format json >/dev/null || rc=$?; ((rc == 1)) && rc=0 ;;
  esac
  if ((rc != 0)); then
    echo "staged_check.sh: '${labels[$i]}' exited $rc" >&2
    exit 2
  fi
}

if command -v hyperfine >/dev/null; then
  timer="hyperfine ($(hyperfine --version | awk '{print $2}'))"
  for i in "${!labels[@]}"; do
    hyperfine --style none --warmup "$warmup" --runs "$runs" -i -N \
      --export-json "$tmp/hf$i.json" "${cmds[$i]}" >/dev/null 2>&1 ||
      hyperfine --style none --warmup "$warmup" --runs "$runs" -i \
        --export-json "$tmp/hf$i.json" "${cmds[$i]}" >/dev/null
    python3 -c 'import json,sys; [print(t*1000) for t in json.load(open(sys.argv[1]))["results"][0]["times"]]' \
      "$tmp/hf$i.json" >"$tmp/times/$i"
  done
else
  if [[ -n ${EPOCHREALTIME:-} ]]; then clock=EPOCHREALTIME; else clock="date +%s%N"; fi
  timer="bash loop ($clock), interleaved"
  for i in "${!labels[@]}"; do
    for ((w = 0; w < warmup; w++)); do run_once "$i"; done
    : >"$tmp/times/$i"
  done
  # Interleave the commands run by run so that drift (thermal, page cache, noisy neighbours)
  # affects all of them alike.
  for ((n = 0; n < runs; n++)); do
    for i in "${!labels[@]}"; do
      now_us; t0=$REPLY
      run_once "$i"
      now_us; t1=$REPLY
      echo "$(((t1 - t0) / 1000)).$(printf %03d $(((t1 - t0) % 1000)))" >>"$tmp/times/$i"
    done
  done
fi

stats() {  # prints "median min" of the values in file $1
  sort -g "$1" | awk '{v[NR] = $1} END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.2f %.2f\n", m, v[1] }'
}

echo
echo "riskgate staged-check benchmark: $tracked files / $tot_lines lines in repo," \
     "$nstaged staged files (+$add/-$del lines)"
echo "timer: $timer; $warmup warm-ups + $runs runs each; nproc=$(nproc); $(date -u +%Y-%m-%dT%H:%MZ)"
echo
printf '%-40s %10s %10s\n' "command" "median ms" "min ms"
printf '%-40s %10s %10s\n' "----------------------------------------" "----------" "----------"
declare -a med mins
for i in "${!labels[@]}"; do
  read -r "med[$i]" "mins[$i]" < <(stats "$tmp/times/$i")
  printf '%-40s %10s %10s\n' "${labels[$i]}" "${med[$i]}" "${mins[$i]}"
done
echo
awk -v r="${med[2]}" -v g="${med[0]}" -v rm="${mins[2]}" -v gm="${mins[0]}" 'BEGIN {
  ratio = r / g
  printf "ratio riskgate / git diff --cached (median): %.2fx  (min/min: %.2fx)\n", ratio, rm / gm
  printf "target < 3x: %s\n", (ratio < 3 ? "MET" : "NOT MET")
}'

peak_rss() {  # peak RSS in KiB of a command, via GNU time
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': *' '/Maximum resident set size/ {print $2}'
}
if [[ -x /usr/bin/time ]] && /usr/bin/time -v true >/dev/null 2>&1; then
  rg_rss=$(peak_rss "$riskgate" check --staged --format json || true)
  git_rss=$(peak_rss git --no-pager diff --cached || true)
  echo "peak RSS: riskgate check --staged ${rg_rss:-?} KiB; git diff --cached ${git_rss:-?} KiB"
else
  echo "peak RSS: skipped (/usr/bin/time -v not available; apt-get install time)"
fi
echo "(repository built in $(awk -v a="$t_build0" -v b="$t_build1" 'BEGIN {printf "%.1f", b - a}') s)" >&2
exit 0
