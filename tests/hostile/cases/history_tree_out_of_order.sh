# attack: a commit's tree is written by hand (git hash-object --literally): entries out of git's order and the name 'config' twice, a clean blob first and a token second, hoping that a tree comparison that looks names up or merges in order pairs the token with the clean 'config' and calls it unchanged; then a tree nested 4,200 levels deep, hoping the walk recurses until it crashes
# surface: history
# expect: block, then error
new_repo
write config 'user = me'
write README.md 'hello'
commit base
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
commit=$(git commit-tree "$tree" -p HEAD -m 'tidy')
git update-ref refs/heads/main "$commit"
gate block history --format json
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
commit=$(git commit-tree "$deep" -p HEAD -m 'deep')
git update-ref refs/heads/main "$commit"
gate error history --format json
expect_in_output 'nested deeper'
