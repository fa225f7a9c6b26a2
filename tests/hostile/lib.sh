# Shared helpers of the hostile suite (tests/hostile/README.md). Sourced by run.sh before a case.
# A case builds a repository and a change written to evade or abuse the gate, then states what
# the gate must do with `gate EXPECT ARGS...`. Every secret it plants is registered with `plant`
# so that run.sh can check that no output holds it.

# Where lib.sh and json_server.py (the fake forges' HTTP server) are.
HOSTILE_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Synthetic tokens, assembled at run time so that no source file holds a literal secret.
fake_github_token() { printf '%s%s' 'ghp_' 'R8fK2mQ9xL4vT7wZ1bN6cH3jP5sD0g3PgBH7'; }
fake_gitlab_token() { printf '%s%s' 'glpat-' 'Qx7vLm2Rk9TzW4bN8cHd'; }
fake_aws_key_id() { printf '%s%s' 'AKIA' 'Z7QF3LMX2PKVWTRB'; }
fake_stripe_key() { printf '%s%s' 'sk_live_' '51Hq8ZpL2mT7vW4xK9bN3cR6'; }
# The body of a private key: base64 lines only, no BEGIN/END.
fake_key_body() {
  printf '%s\n' 'MIIEpAIBAAKCAQEA7vQ2mX9pL4kR8tZ1wN6cB3jH5sD0gY8aE2uF7qV9xK4mT1p' \
    'Lz3Rk8Qw2Tn5Vb7Yc9Xd1Fe4Gh6Jk8Lm0Np2Qr4St6Uv8Wx0Yz2Ab4Cd6Ef8Gh0' \
    'Ij2Kl4Mn6Op8Qr0St2Uv4Wx6Yz8Ab0Cd2Ef4Gh6Ij8Kl0Mn2Op4Qr6St8Uv0Wx2'
}
fake_private_key() {
  printf '%s%s\n' '-----BEGIN RSA PRIV' 'ATE KEY-----'
  fake_key_body
  printf '%s%s\n' '-----END RSA PRIV' 'ATE KEY-----'
}

# Registers a planted secret: no output of any riskgate run of the case may contain it.
plant() { printf '%s\n' "$1" >>"$HOSTILE_OUT/planted"; }

fail() {
  printf 'hostile case failed: %s\n' "$*" >&2
  exit 1
}

# A fresh repository in $HOSTILE_WORK/NAME (default repo), made the current folder.
new_repo() {
  local dir="$HOSTILE_WORK/${1:-repo}"
  mkdir -p "$dir"
  cd "$dir"
  git init -q -b main
  git config user.name 'Hostile Author'
  git config user.email 'author@example.com'
  git config commit.gpgsign false
}

# git add -A and commit; prints nothing.
commit() { git add -A && git commit -q --no-verify -m "${1:-change}"; }

# The usual start of a case: a repository with one commit (a README), its id in $base.
base_repo() {
  new_repo "$@"
  write README.md 'hello'
  commit base
  base=$(git rev-parse HEAD)
}

# A repository whose base commit turns on gitleaks_config: auto with a .gitleaks.toml of one
# GitHub-token rule; its id in $base.
gitleaks_base_repo() {
  new_repo "$@"
  write .riskgate.yaml 'version: 1' 'controls:' '  secrets:' '    gitleaks_config: auto'
  write .gitleaks.toml '[[rules]]' 'id = "gh-pat"' "regex = '''ghp_[A-Za-z0-9]{36}'''"
  commit base
  base=$(git rev-parse HEAD)
}

# commit_token_config: base_repo, then a commit adding `config` with a fake GitHub token
# (planted; in $token).
commit_token_config() {
  base_repo
  token=$(fake_github_token)
  plant "$token"
  write config "GITHUB_TOKEN=$token"
  commit 'add config'
}

# side_token_commit [TAG]: base_repo, then a commit adding `config` with a fake GitHub token
# (planted; in $token, the commit in $secret) on a branch that is then deleted, back on main:
# no branch reaches the commit (TAG, when given, is an annotated tag of it that does).
side_token_commit() {
  base_repo
  token=$(fake_github_token)
  plant "$token"
  git checkout -q -b side
  write config "GITHUB_TOKEN=$token"
  commit 'add config'
  secret=$(git rev-parse HEAD)
  if [ -n "${1:-}" ]; then git tag -a "$1" -m release; fi
  git checkout -q main
  git branch -q -D side
}

# worktree_token_commit DIR: base_repo, then a linked worktree at DIR (detached) whose HEAD
# commits `config` with a fake GitHub token (planted; in $token): no ref reaches that commit.
worktree_token_commit() {
  base_repo
  token=$(fake_github_token)
  plant "$token"
  git worktree add -q --detach "$1"
  (
    cd "$1" || exit 1
    printf 'GITHUB_TOKEN=%s\n' "$token" >config
    git add config
    git commit -q --no-verify -m 'add config'
  )
}

# overwrite_loose ID WITH: the loose file of object ID now holds object WITH's bytes (a tampered
# object store: a poisoned CI cache, an earlier step of the job).
overwrite_loose() {
  local path=.git/objects/${1:0:2}/${1:2}
  chmod u+w "$path"
  cp ".git/objects/${2:0:2}/${2:2}" "$path"
}

# point_index_at ID WITH: the (only) pack index gives object ID the place of object WITH (a
# poisoned .git restored from a cache: reading ID yields WITH's bytes).
point_index_at() {
  python3 - "$1" "$2" <<'PY'
import glob, os, struct, sys
forged, harmless = bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2])
path = glob.glob(".git/objects/pack/*.idx")[0]
idx = bytearray(open(path, "rb").read())
count = struct.unpack(">I", idx[8 + 255 * 4:8 + 256 * 4])[0]
ids = [bytes(idx[1032 + 20 * i:1052 + 20 * i]) for i in range(count)]
offsets = 1032 + count * 24  # version 2: ids, then CRCs, then 32-bit offsets
f, h = ids.index(forged), ids.index(harmless)
idx[offsets + 4 * f:offsets + 4 * f + 4] = idx[offsets + 4 * h:offsets + 4 * h + 4]
os.chmod(path, 0o644)
open(path, "wb").write(idx)
PY
}

# point_midx_at ID WITH: the multi-pack index (objects/pack/multi-pack-index) gives object ID the
# pack and place of object WITH (a poisoned .git restored from a cache, beside many packs).
point_midx_at() {
  python3 - "$1" "$2" <<'PY'
import os, struct, sys
forged, harmless = bytes.fromhex(sys.argv[1]), bytes.fromhex(sys.argv[2])
path = ".git/objects/pack/multi-pack-index"
midx = bytearray(open(path, "rb").read())
chunks = {}
for row in range(midx[6]):
    cid, at = struct.unpack(">4sQ", midx[12 + 12 * row:24 + 12 * row])
    chunks[cid] = at
count = struct.unpack(">I", midx[chunks[b"OIDF"] + 1020:chunks[b"OIDF"] + 1024])[0]
ids = [bytes(midx[chunks[b"OIDL"] + 20 * i:chunks[b"OIDL"] + 20 * i + 20]) for i in range(count)]
f, h = ids.index(forged), ids.index(harmless)
ooff = chunks[b"OOFF"]
midx[ooff + 8 * f:ooff + 8 * f + 8] = midx[ooff + 8 * h:ooff + 8 * h + 8]
os.chmod(path, 0o644)
open(path, "wb").write(midx)
PY
}

# drop_from_midx ID: the multi-pack index no longer lists object ID (its other entries, pack
# names and large offsets kept; other chunks left out), though a pack it covers still holds ID:
# a poisoned .git whose index hides an object from one lookup.
drop_from_midx() {
  python3 - "$1" <<'PY'
import hashlib, os, struct, sys
drop = bytes.fromhex(sys.argv[1])
path = ".git/objects/pack/multi-pack-index"
midx = open(path, "rb").read()
rows = [struct.unpack(">4sQ", midx[12 + 12 * r:24 + 12 * r]) for r in range(midx[6] + 1)]
chunks = {rows[r][0]: midx[rows[r][1]:rows[r + 1][1]] for r in range(midx[6])}
count = struct.unpack(">I", chunks[b"OIDF"][1020:1024])[0]
ids = [chunks[b"OIDL"][20 * i:20 * i + 20] for i in range(count)]
offsets = [chunks[b"OOFF"][8 * i:8 * i + 8] for i in range(count)]
keep = [i for i in range(count) if ids[i] != drop]
assert len(keep) == count - 1, "the index does not list the object"
fanout = [0] * 256
for i in keep:
    fanout[ids[i][0]] += 1
running, oidf = 0, b""
for n in fanout:
    running += n
    oidf += struct.pack(">I", running)
order = [(b"PNAM", chunks[b"PNAM"]), (b"OIDF", oidf), (b"OIDL", b"".join(ids[i] for i in keep)),
         (b"OOFF", b"".join(offsets[i] for i in keep))]
if b"LOFF" in chunks:
    order.append((b"LOFF", chunks[b"LOFF"]))
out = midx[:6] + bytes([len(order)]) + midx[7:12]
at = 12 + 12 * (len(order) + 1)
for cid, data in order:
    out += cid + struct.pack(">Q", at)
    at += len(data)
out += b"\0\0\0\0" + struct.pack(">Q", at) + b"".join(data for _, data in order)
out += hashlib.sha1(out).digest()
os.chmod(path, 0o644)
open(path, "wb").write(out)
PY
}

# many_packs_with_midx: the objects so far in one pack each commit's worth (git repack per
# commit has made them), a copy of all of them in one more, and a multi-pack index over them.
many_packs_with_midx() {
  git rev-list --objects --all | git pack-objects -q .git/objects/pack/pack >/dev/null
  git prune-packed
  git multi-pack-index write
}

# secret_behind_midx: new_repo, a commit per pack (README.md; then settings.ini with a planted
# AWS key id in $secret beside a harmless notes.txt; then more.txt), all under a multi-pack
# index beside a copy of them (many_packs_with_midx).
secret_behind_midx() {
  new_repo
  write README.md 'hello'
  commit base
  git repack -dq
  secret=$(fake_aws_key_id)
  plant "$secret"
  write settings.ini "aws_access_key_id = $secret"
  write notes.txt 'nothing to see'
  commit settings
  git repack -dq
  write more.txt 'more'
  commit more
  git repack -dq
  many_packs_with_midx
}

# token_behind_midx: commit_token_config (its config holds $token), then other.txt, a pack
# each, under a multi-pack index beside a copy of them; $head is the tip.
token_behind_midx() {
  commit_token_config
  git repack -dq
  write other.txt 'user = me'
  commit other
  git repack -dq
  many_packs_with_midx
  head=$(git rev-parse HEAD)
}

# write_spread_files N STEP: spread/file1.txt .. fileN.txt, file K about K*STEP bytes, each its
# own text; spread/empty.txt holds nothing. Enough blobs of enough sizes to fill the sweep's
# hash batches (64 objects) and every lane of them.
write_spread_files() {
  local k
  mkdir -p spread
  : >spread/empty.txt
  for ((k = 1; k <= $1; k++)); do
    { printf 'file %d\n' "$k"; head -c $((k * $2)) /dev/zero | tr '\0' "$((k % 10))"; } \
      >"spread/file$k.txt"
  done
}

# forge_secret_settings HARMLESS [COMMAND...]: a repository whose second commit adds what
# COMMAND writes and a settings.ini holding a planted AWS key id, repacked, whose index then
# names the settings blob (in $forged) at the place of HARMLESS (a path in HEAD): a poisoned
# .git hiding the secret. $base is the first commit.
forge_secret_settings() {
  local harmless=$1 secret
  shift
  new_repo
  write README.md 'hello'
  commit base
  base=$(git rev-parse HEAD)
  if [ "$#" -gt 0 ]; then "$@"; fi
  secret=$(fake_aws_key_id)
  plant "$secret"
  write settings.ini "aws_access_key_id = $secret"
  commit settings
  git repack -adq
  forged=$(git rev-parse HEAD:settings.ini)
  point_index_at "$forged" "$(git rev-parse "HEAD:$harmless")"
}

# forge_secret_among_spread_files HARMLESS: forge_secret_settings among write_spread_files 120
# 200: the secret hidden in a batch.
forge_secret_among_spread_files() { forge_secret_settings "$1" write_spread_files 120 200; }

# Writes FILE (folders made) with the rest of the arguments as its lines.
write() {
  local file=$1
  shift
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$@" >"$file"
}

# plant_fake_tokens: sets aws, github, gitlab and stripe to the fake tokens above and plants
# each (none may appear in anything riskgate prints or writes).
plant_fake_tokens() {
  aws=$(fake_aws_key_id)
  github=$(fake_github_token)
  gitlab=$(fake_gitlab_token)
  stripe=$(fake_stripe_key)
  local s
  for s in "$aws" "$github" "$gitlab" "$stripe"; do plant "$s"; done
}

# write_settings N: settings.conf of N clean lines (`option_0NNNN = value number ...`), the
# long file the delta cases change a little at a time.
write_settings() {
  python3 - "$1" <<'PY'
import sys
with open("settings.conf", "w") as f:
    for i in range(int(sys.argv[1])):
        f.write("option_%05d = value number %d for the service\n" % (i, i * 7))
PY
}

# insert_setting N TEXT: TEXT as a line of its own before line N of settings.conf.
insert_setting() {
  python3 - "$1" "$2" <<'PY'
import sys
lines = open("settings.conf").read().split("\n")
lines.insert(int(sys.argv[1]), sys.argv[2])
open("settings.conf", "w").write("\n".join(lines))
PY
}

# edit_tip_and_repack FILE: four harmless edits of settings-style FILE (lines `option_0N000 = ...`)
# committed at the tip, then everything repacked with deep delta chains. The newest versions
# come first in the pack, so the prefilter's databases serve by the time the sweep reaches the
# older ones, which the pack keeps as deltas.
edit_tip_and_repack() {
  local n
  for n in 1 2 3 4; do
    sed -i "s/^option_0${n}000 = .*/option_0${n}000 = edited $n times/" "$1"
    commit "edit $n"
  done
  git repack -adfq --window=50 --depth=50
}

# require_deltas FILE MIN REV...: at least MIN of the REVs' versions of FILE are stored as deltas
# in the pack (a case about deltas tests nothing when git chose otherwise).
require_deltas() {
  local file=$1 min=$2 pack id count=0
  shift 2
  pack=$(ls .git/objects/pack/*.idx)
  for rev in "$@"; do
    id=$(git rev-parse "$rev:$file")
    # shellcheck disable=SC2046
    set -- $(git verify-pack -v "$pack" | grep "^$id ")
    [ $# -ge 7 ] && count=$((count + 1))
  done
  [ "$count" -ge "$min" ] || fail "only $count of the versions of $file wanted as deltas are deltas"
}

# expect_secrets_introduced_at FILE REV...: the last gate's JSON reports a secret in FILE at each
# REV's commit (the commit that brought it).
expect_secrets_introduced_at() {
  local file=$1
  shift
  python3 - "$GATE_OUT" "$file" "$(git rev-parse "$@" | tr '\n' ' ')" <<'PY' || fail "a secret was missed: $(head -c 3000 "$GATE_OUT")"
import json, sys
findings = json.load(open(sys.argv[1]))["findings"]
want = set(sys.argv[3].split())
got = {f["commit"] for f in findings if f["control"] == "secrets" and f["path"] == sys.argv[2]}
missing = want - got
if missing:
    print("missing introductions at", sorted(missing), "found at", sorted(got), file=sys.stderr)
    sys.exit(1)
PY
}

# literal_tree NAME ID [NAME ID...]: writes a tree of regular files exactly as given (any order,
# a name twice: git mktree refuses both) and prints its id.
literal_tree() {
  python3 - "$@" <<'PY' | git hash-object -t tree --literally -w --stdin
import sys
args = sys.argv[1:]
for name, oid in zip(args[0::2], args[1::2]):
    sys.stdout.buffer.write(b"100644 " + name.encode() + b"\0" + bytes.fromhex(oid))
PY
}

# deep_tree LEVELS: writes (loose) a tree nesting one folder LEVELS deep above a file; prints its id.
deep_tree() {
  python3 - "$1" <<'PY'
import hashlib, os, sys, zlib
def write(kind, body):
    data = kind + b" " + str(len(body)).encode() + b"\0" + body
    oid = hashlib.sha1(data).hexdigest()
    path = os.path.join(".git", "objects", oid[:2], oid[2:])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not os.path.exists(path):
        open(path, "wb").write(zlib.compress(data))
    return oid
oid = write(b"blob", b"leaf\n")
entry = b"100644 leaf\0" + bytes.fromhex(oid)
for level in range(int(sys.argv[1])):
    oid = write(b"tree", entry)
    entry = b"40000 d\0" + bytes.fromhex(oid)
print(oid)
PY
}

# gate EXPECT ARGS...: runs riskgate ARGS in the current folder and checks its outcome.
#   block  exit 1            error  exit 2 with a `riskgate: error:` line
#   pass   exit 0            fails  exit 1 or 2 (the gate held, either way)
#   any    exit 0, 1 or 2: for commands whose answer is free but whose side effects the case checks
# Never a signal, a sanitizer report or a hang. Output goes to $HOSTILE_OUT for the leak check;
# the last run's streams are in $GATE_OUT and $GATE_ERR.
gate() {
  local expect=$1
  shift
  HOSTILE_RUNS=$((${HOSTILE_RUNS:-0} + 1))
  GATE_OUT="$HOSTILE_OUT/run$HOSTILE_RUNS.out"
  GATE_ERR="$HOSTILE_OUT/run$HOSTILE_RUNS.err"
  local rc=0
  timeout --kill-after=10 "${HOSTILE_TIMEOUT:-120}" "$RISKGATE_BIN" "$@" \
    >"$GATE_OUT" 2>"$GATE_ERR" </dev/null || rc=$?
  printf 'riskgate %s -> exit %d\n' "$*" "$rc" >>"$HOSTILE_OUT/log"
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
    fail "riskgate $* hung (killed after ${HOSTILE_TIMEOUT:-120} s)"
  fi
  if [ "$rc" -ge 128 ]; then fail "riskgate $* crashed (exit $rc): $(tail -n 5 "$GATE_ERR")"; fi
  if grep -qE 'ERROR: (Address|Leak|Undefined)Sanitizer|runtime error:' "$GATE_ERR"; then
    fail "riskgate $* tripped a sanitizer: $(grep -m1 -E 'Sanitizer|runtime error' "$GATE_ERR")"
  fi
  local want
  case $expect in
    block) want='^1$' ;;
    error) want='^2$' ;;
    pass) want='^0$' ;;
    fails) want='^[12]$' ;;
    any) want='^[012]$' ;;
    *) fail "unknown expectation '$expect'" ;;
  esac
  if ! printf '%s\n' "$rc" | grep -qE "$want"; then
    fail "riskgate $* exited $rc, expected $expect; stdout: $(head -c 2000 "$GATE_OUT"); stderr: $(head -c 2000 "$GATE_ERR")"
  fi
  if [ "$expect" = error ] && ! grep -q 'riskgate: error:' "$GATE_ERR"; then
    fail "riskgate $* exited 2 without saying why: $(head -c 2000 "$GATE_ERR")"
  fi
}

# Copies a file riskgate wrote into the output folder, so that the leak check reads it too.
keep_output() { [ -f "$1" ] && cp "$1" "$HOSTILE_OUT/file$((${HOSTILE_RUNS:-0})).$(basename "$1")"; }

# expect_in_output TEXT: the last run's stdout or stderr contains TEXT.
expect_in_output() {
  grep -qF -- "$1" "$GATE_OUT" "$GATE_ERR" || fail "expected '$1' in the output of the last run"
}

# start_recorder LOG PORT_FILE STATUS BODY: an HTTP server on 127.0.0.1, in the background,
# that answers every GET with STATUS and BODY and writes each request's path and
# Authorization / PRIVATE-TOKEN headers to LOG (outside the leak-checked outputs); its port is
# in PORT_FILE, its process id in RECORDER_PID. The case stops it (trap ... EXIT).
start_recorder() {
  local log=$1 port_file=$2 status=$3 body=$4
  /usr/bin/python3 - "$HOSTILE_LIB_DIR" "$log" "$port_file" "$status" "$body" <<'PY' &
import sys
sys.path.insert(0, sys.argv[1])
import json_server
log, port_file, status, body = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
def answer(request):
    with open(log, "a") as f:
        f.write("GET %s auth=%s private=%s\n" % (request.path, request.headers.get("Authorization"),
                                                 request.headers.get("PRIVATE-TOKEN")))
    return status, body
json_server.serve(port_file, answer)
PY
  RECORDER_PID=$!
  for _ in $(seq 50); do [ -s "$port_file" ] && return 0; sleep 0.1; done
  fail "the recording server did not start"
}

# A base repository (base_repo) with a planted GitHub token ($token) staged in config.env and
# checked to block: the start of the cases that then break the repository around it.
staged_token() {
  base_repo
  token=$(fake_github_token)
  plant "$token"
  write config.env "TOKEN=$token"
  git add -A
  gate block check --staged
}

# start_pull_request REVIEWER STATE_JSON: a GitHub API on 127.0.0.1, in the background, for pull
# request 1 (author carol) of whatever head and base the case writes to $HEAD_FILE ("head base"):
# one review by REVIEWER whose state is STATE_JSON (the raw JSON after `"state":`, so a case can
# give the key twice) on the head commit, one commit by carol (or what $HEAD_FILE.commits holds, when
# a case writes it), and write permission for everyone. Its port is in
# $FORGE_PORT; it stops with the case.
start_pull_request() {
  command -v python3 >/dev/null || { echo "python3 missing: nothing to serve the attack with" >&2; exit 0; }
  local port_file="$HOSTILE_WORK/port"
  HEAD_FILE="$HOSTILE_WORK/head"
  python3 - "$HOSTILE_LIB_DIR" "$port_file" "$HEAD_FILE" "$1" "$2" <<'PY' &
import sys, threading, time
sys.path.insert(0, sys.argv[1])
import json_server
port_file, head_file, reviewer, state = sys.argv[2:6]
def answer(request):
    head, base = open(head_file).read().split()
    if request.path.split("?")[0].endswith("/pulls/1"):
        return 200, ('{"number":1,"user":{"login":"carol","type":"User"},'
                     '"head":{"sha":"%s"},"base":{"sha":"%s"}}' % (head, base))
    if "/reviews" in request.path:
        return 200, ('[{"id":1,"user":{"login":"%s","id":10,"type":"User"},'
                     '"state":%s,"commit_id":"%s",'
                     '"submitted_at":"2026-11-20T10:00:00Z"}]' % (reviewer, state, head))
    if "/commits" in request.path:
        # $HEAD_FILE.commits, when a case writes it, is the commits answer as it stands.
        try:
            return 200, open(head_file + ".commits").read()
        except FileNotFoundError:
            return 200, '[{"sha":"%s","author":{"login":"carol"},"committer":{"login":"web-flow"}}]' % head
    return 200, '{"permission":"write","role_name":"write"}'
threading.Thread(target=json_server.serve, args=(port_file, answer), daemon=True).start()
time.sleep(50)
PY
  FORGE_PID=$!
  trap 'kill "$FORGE_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
  [ -s "$port_file" ] || fail "the pull request server did not start"
  FORGE_PORT=$(cat "$port_file")
}

# A repository whose policy makes `payments` (src/payments/**) a high-tier component with the
# threat model docs/tm/payments.md, owned by @acme/payments (alice is a member; approvals come
# from trailers), and its code. `model ABUSE ROW...` then writes the model: ABUSE ends its
# abuse-case line, each ROW is a line of its residual-risk table.
payments_component() {
  new_repo
  write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' '    enabled: false' '    source: trailers' \
    '    teams:' "      '@acme/payments': [alice]" '  threat_model:' '    max_age_days: 180' \
    '    residual_severity: high' '    components:' '      - name: payments' \
    "        paths: ['src/payments/**']" '        tier: high' '        models: [docs/tm/payments.md]' \
    "        owners: ['@acme/payments']"
  write src/payments/pay.py 'def pay(): pass'
}
model() {
  write docs/tm/payments.md '# payments threat model' '## Assets' 'Card data of payments.' '## Actors' \
    'Customers, admins.' '## Entry points' 'The /pay route.' '## Trust boundaries' 'Internet to API.' \
    '## Abuse cases' "Card testing.$1" '## Controls' 'Rate limits.' '## Residual risk' '' \
    '| Threat | Severity | Status | Owner | Accepted | Expires |' '|---|---|---|---|---|---|' "${@:2}"
}
