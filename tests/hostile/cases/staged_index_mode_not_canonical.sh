# attack: the index gives the staged token file a mode git never writes itself (100664, 100600, 100000, 120755); git commit writes it as a regular file (or a symlink), riskgate reads no content
# surface: staged
# expect: block, or exit 2 naming the file (libgit2, as git's fsck, refuses to write such a mode into the tree git would commit)
base_repo
token=$(fake_github_token)
plant "$token"
# set_index_mode PATH MODE: the index entry of PATH (index v2) gets MODE, trailer recomputed
# (an index written by hand or by another tool; git reads it as it is and commits it canonicalised).
set_index_mode() {
  python3 - "$1" "$2" <<'PY'
import hashlib, struct, sys
path, mode = sys.argv[1].encode(), int(sys.argv[2], 8)
data = bytearray(open(".git/index", "rb").read())
version, count = struct.unpack(">II", data[4:12])
assert version == 2, version
at = 12
for _ in range(count):
    end = data.index(b"\0", at + 62)
    if bytes(data[at + 62:end]) == path:
        data[at + 24:at + 28] = struct.pack(">I", mode)
    at += (62 + (end - at - 62) + 8) & ~7
body = bytes(data[:-20])
open(".git/index", "wb").write(body + hashlib.sha1(body).digest())
PY
}
for mode in 100664 100600 100000 120755; do
  git reset -q --hard
  write config.env "GITHUB_TOKEN=$token"
  git add config.env
  set_index_mode config.env "$mode"
  git ls-files -s config.env | grep -q "^$mode " || fail "the index does not hold mode $mode"
  gate fails check --staged
  gate fails check --staged --format json
  grep -q 'config.env' "$GATE_ERR" "$GATE_OUT" || fail "neither a finding nor an error names config.env"
done
# What git makes of it: the token is committed (here as a symlink's target, from 120755).
tree=$(git write-tree)
git ls-tree "$tree" config.env | grep -q '^120000 blob' || fail "git did not commit the entry"
