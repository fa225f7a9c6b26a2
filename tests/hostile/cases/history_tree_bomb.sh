# attack: a tree bomb: 40 tree objects, each naming the one below it twice, so one commit's tree holds 2^40 paths; a history walk that lists every path hangs or runs out of memory
# surface: history
# expect: error
new_repo
write README.md 'hello'
commit base
bomb=$(python3 - <<'PY'
import hashlib, os, zlib
def write(kind, body):
    data = kind + b" " + str(len(body)).encode() + b"\0" + body
    oid = hashlib.sha1(data).hexdigest()
    path = os.path.join(".git", "objects", oid[:2], oid[2:])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not os.path.exists(path):
        open(path, "wb").write(zlib.compress(data))
    return bytes.fromhex(oid)
oid = write(b"blob", b"leaf\n")
tree = write(b"tree", b"100644 leaf\0" + oid)
for level in range(40):
    tree = write(b"tree", b"40000 a\0" + tree + b"40000 b\0" + tree)
print(tree.hex())
PY
)
commit=$(git commit-tree "$bomb" -p HEAD -m 'bomb')
git update-ref refs/heads/main "$commit"
HOSTILE_TIMEOUT=60 gate error history --format json
expect_in_output 'MiB of paths'
