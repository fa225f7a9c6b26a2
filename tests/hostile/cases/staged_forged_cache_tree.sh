# attack: the index's cache-tree extension (TREE) names a tree holding a token while its entries stage only a harmless edit; git commit takes the cache-tree's tree as it is, riskgate judges the entries
# surface: staged
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
# forge_cache_tree FOLDER TREE: the index (v2) keeps its entries and gets, as its only extension,
# a cached tree saying that FOLDER ("" for the root) is TREE; the root is then invalid unless it
# is FOLDER, as git leaves it for a change outside FOLDER.
forge_cache_tree() {
  python3 - "$1" "$2" <<'PY'
import hashlib, struct, sys
folder, tree = sys.argv[1].encode(), bytes.fromhex(sys.argv[2])
data = open(".git/index", "rb").read()
version, count = struct.unpack(">II", data[4:12])
assert version == 2, version
at = 12
under = 0
for _ in range(count):
    end = data.index(b"\0", at + 62)
    under += data[at + 62:end].startswith(folder + b"/")
    at += (62 + (end - at - 62) + 8) & ~7
body = data[:at]  # the entries; other extensions dropped
if folder:
    ext = b"\0-1 1\n" + folder + b"\0" + str(under).encode() + b" 0\n" + tree
else:
    ext = b"\0" + str(count).encode() + b" 0\n" + tree
body += b"TREE" + struct.pack(">I", len(ext)) + ext
open(".git/index", "wb").write(body + hashlib.sha1(body).digest())
PY
}
# A tree with the token, in the object store but staged nowhere.
write config.env "GITHUB_TOKEN=$token"
write README.md 'hello again'
git add -A
forged=$(git write-tree)
git reset -q --hard
# The staged change: README.md only; the index's cache-tree then says its root is the forged tree.
write README.md 'hello again'
git add README.md
forge_cache_tree "" "$forged"
[ "$(git diff --cached --name-only)" = README.md ] || fail "the entries stage more than README.md"
[ "$(git write-tree)" = "$forged" ] || fail "git does not take the cache-tree's tree"
gate block check --staged
gate block check --staged --format json
# What a commit through a pre-commit hook running riskgate makes of it: the token is committed.
printf '#!/bin/sh\nexec "%s" check --staged >/dev/null 2>&1\n' "$RISKGATE_BIN" >.git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
if git commit -q -m 'edit readme' 2>/dev/null; then
  git cat-file -e HEAD:config.env && fail "the hook let a commit with the token through"
fi
# The same one folder down: the root's cached tree invalid (README.md is staged), app/'s valid
# and forged, as git keeps the cached trees of folders a change does not touch.
git reset -q --hard "$base"
rm -f .git/hooks/pre-commit
write app/main.py 'print(1)'
git add -A
git commit -q --no-verify -m 'app'
write app/config.env "GITHUB_TOKEN=$token"
git add -A
forged_app=$(git rev-parse "$(git write-tree):app")
git reset -q --hard
write README.md 'hello a third time'
git add README.md
forge_cache_tree app "$forged_app"
[ "$(git diff --cached --name-only)" = README.md ] || fail "the entries stage more than README.md"
[ "$(git rev-parse "$(git write-tree):app")" = "$forged_app" ] || fail "git does not take app/'s cached tree"
gate block check --staged
