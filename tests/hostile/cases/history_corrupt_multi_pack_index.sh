# attack: the multi-pack index is damaged (its ids out of order, as a poisoned cache or a torn write leaves it): an audit must not read through it as if it were sound, nor crash on it; it stops, naming the file and what is wrong
# surface: history
# expect: error
secret_behind_midx
python3 - <<'PY'
import os, struct
path = ".git/objects/pack/multi-pack-index"
midx = bytearray(open(path, "rb").read())
rows = {struct.unpack(">4s", midx[12 + 12 * r:16 + 12 * r])[0]: struct.unpack(">Q", midx[16 + 12 * r:24 + 12 * r])[0] for r in range(midx[6])}
ids = rows[b"OIDL"]
midx[ids:ids + 20], midx[ids + 20:ids + 40] = midx[ids + 20:ids + 40], midx[ids:ids + 20]
os.chmod(path, 0o644)
open(path, "wb").write(bytes(midx))
PY
gate error history --format json
expect_in_output 'corrupt multi-pack index'
