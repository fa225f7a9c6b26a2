# attack: the object store's pack index names the folder that holds a secret at the place of a harmless folder (a poisoned .git restored from a cache), so that the history walk reads clean entries for it and never reaches the secret's path; the trees' hashes are checked a few at a time after they are parsed, and nothing the walk learnt from them may be used before
# surface: history
# expect: error
new_repo
write clean/notes.txt 'nothing to see'
commit base
secret=$(fake_aws_key_id)
plant "$secret"
write vault/settings.ini "aws_access_key_id = $secret"
commit settings
git repack -adq
forged=$(git rev-parse HEAD:vault)
harmless=$(git rev-parse HEAD:clean)
python3 - "$forged" "$harmless" <<'PY'
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
# git itself now reads the harmless folder's entries for the forged id, and refuses them.
read_back=$(git cat-file -p "$forged" 2>&1 || true)
case "$read_back" in *'hash mismatch'*) ;; *) fail 'the index was not forged' ;; esac
gate error history --format json
expect_in_output 'does not hash to its id'
