# attack: a commit of a range has a hand-made tree (git hash-object --literally): entries out of git's order and the name 'config' twice, the clean blob its parent has first and a token second, hoping the range's own tree comparison (which no longer asks libgit2, whose iterator sorted entries) pairs the clean 'config' with the parent's and calls the file unchanged; then a tree nested 4,200 levels deep, hoping the comparison recurses until it crashes
# surface: range
# expect: block, then error
base_repo
write config 'user = me'
commit config
base=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
clean=$(git rev-parse HEAD:config)
readme=$(git rev-parse HEAD:README.md)
dirty=$(printf 'GITHUB_TOKEN=%s\n' "$token" | git hash-object -w --stdin)
tree=$(python3 - "$readme" "$clean" "$dirty" <<'PY' | git hash-object -t tree --literally -w --stdin
import sys
readme, clean, dirty = (bytes.fromhex(a) for a in sys.argv[1:])
entry = lambda name, oid: b"100644 " + name + b"\0" + oid
sys.stdout.buffer.write(entry(b"config", clean) + entry(b"README.md", readme) + entry(b"config", dirty))
PY
)
commit=$(git commit-tree "$tree" -p "$base" -m 'tidy')
gate block check --base "$base" --head "$commit" --format json
expect_in_output 'github'
# A tree that nests deeper than any checkout: refused with an error, not a crash.
deep=$(python3 - <<'PY'
import hashlib, os, zlib
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
for level in range(4200):
    oid = write(b"tree", entry)
    entry = b"40000 d\0" + bytes.fromhex(oid)
print(oid)
PY
)
commit=$(git commit-tree "$deep" -p "$base" -m 'deep')
gate error check --base "$base" --head "$commit" --format json
expect_in_output 'nested deeper'
