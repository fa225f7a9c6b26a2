# attack: a commit inserts two lines into a 1.1 MiB file's wrapped base64 block of repeated bytes: the block whole is too plain to decode, the inserted lines alone decode to a token, and a file whose whole new version holds nothing the rules may match is not line-diffed — a block that goes on over a line break must still get its added lines judged; a token added as is to the same large file is found too
# surface: range
# expect: block
base_repo
python3 - big.txt <<'PY'
import sys
line = "A" * 64 + "\n"
open(sys.argv[1], "w").write("-----BEGIN DEMO DATA-----\n" + line * 18000 + "-----END DEMO DATA-----\n")
PY
commit "a large block of data"
base2=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
# 96 bytes: 128 base64 characters, two lines of 64 with no padding.
plain=$(printf 'github_token = "%s" # deploy key for the release job, keep it private!!' "$token")
plain=$(printf '%s' "$plain" | head -c 96)
[ ${#plain} -eq 96 ] || fail "the plain text is ${#plain} bytes, not 96"
encoded=$(printf '%s' "$plain" | base64 -w 64)
plant "$(printf '%s' "$encoded" | tr -d '\n')"
python3 - big.txt "$encoded" <<'PY'
import sys
path, encoded = sys.argv[1], sys.argv[2]
lines = open(path).read().split("\n")
lines[9000:9000] = encoded.split("\n")
open(path, "w").write("\n".join(lines))
PY
commit "two more lines of data"
gate block check --base "$base2" --head HEAD
expect_in_output "github-pat-classic"
base3=$(git rev-parse HEAD)
aws=$(fake_aws_key_id)
plant "$aws"
python3 - big.txt "$aws" <<'PY'
import sys
path, key = sys.argv[1], sys.argv[2]
lines = open(path).read().split("\n")
lines[100:100] = ["aws_access_key_id = " + key]
open(path, "w").write("\n".join(lines))
PY
commit "a key in the middle"
gate block check --base "$base3" --head HEAD
expect_in_output "aws-access-key-id"
