# attack: the loose object of the blob holding a secret is rewritten with a header claiming 5,000,000 bytes before its real content (git refuses to read it), so that a reader which learns the size from the header alone skips it as too large to scan and the audit and the range only warn
# surface: history, range
# expect: error
new_repo
write README.md 'hello'
commit base
base=$(git rev-parse HEAD)
secret=$(fake_aws_key_id)
plant "$secret"
write settings.ini "aws_access_key_id = $secret"
commit settings
blob=$(git rev-parse HEAD:settings.ini)
python3 - "$blob" <<'PY'
import os, sys, zlib
path = ".git/objects/%s/%s" % (sys.argv[1][:2], sys.argv[1][2:])
body = zlib.decompress(open(path, "rb").read()).split(b"\0", 1)[1]
os.chmod(path, 0o644)
open(path, "wb").write(zlib.compress(b"blob 5000000\0" + body))
PY
gate error history --format json
expect_in_output 'shorter than its header says'
gate error check --base "$base" --head HEAD --format json
expect_in_output 'shorter than its header says'
