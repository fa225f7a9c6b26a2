# attack: a poisoned CI cache deletes the loose blob that holds a commit's token and adds objects/pack/cache.pack with cache.idx, a pack of a clean blob whose index names it with the token blob's id; git and libgit2 load every *.idx beside its .pack, so a reader that only opens pack-*.pack finds nothing, leaves the read to libgit2, which does not hash it, and the clean text is scanned
# surface: history, range
# expect: error
commit_token_config
head=$(git rev-parse HEAD)
dirty=$(git rev-parse HEAD:config)
clean=$(printf 'user = me\n' | git hash-object -w --stdin)
made=$(echo "$clean" | git pack-objects -q .git/objects/pack/made)
mv ".git/objects/pack/made-$made.pack" .git/objects/pack/cache.pack
mv ".git/objects/pack/made-$made.idx" .git/objects/pack/cache.idx
python3 - "$dirty" <<'PY'
import os, struct, sys
forged = bytes.fromhex(sys.argv[1])
path = ".git/objects/pack/cache.idx"
idx = bytearray(open(path, "rb").read())
idx[1032:1052] = forged  # its one id
for b in range(256):  # one object, in the forged id's bucket
    idx[8 + 4 * b:12 + 4 * b] = struct.pack(">I", 1 if b >= forged[0] else 0)
os.chmod(path, 0o644)
open(path, "wb").write(idx)
PY
rm -f ".git/objects/${dirty:0:2}/${dirty:2}" ".git/objects/${clean:0:2}/${clean:2}"
gate error check --base "$base" --head "$head" --format json
expect_in_output 'does not hash to its id'
gate error history
