# attack: a change large enough (2 MiB of keyword-laden text) that the scan loads the default policy's prebuilt rule prefilter and cuts each file's candidate rules with it, with the real tokens after it: one in a file full of the rules' keywords, one split over a line break inside a base64 blob, one on a window's last line — the prefilter must never cut a rule that matches
# surface: range
# expect: block
base_repo
mkdir -p aa_filler
for i in $(seq 1 40); do
  python3 - "aa_filler/f$i.txt" <<'PY'
import sys
line = "api_key = load(token) # secret password aws github_pat sk_live key\n"
open(sys.argv[1], "w").write(line * 800)
PY
done
aws=$(fake_aws_key_id)
stripe=$(fake_stripe_key)
github=$(fake_github_token)
plant "$aws"
plant "$stripe"
plant "$github"
python3 - zz_config.txt "$aws" <<'PY'
import sys
body = "key = value # token secret\n" * 200
open(sys.argv[1], "w").write(body + "aws_access_key_id = " + sys.argv[2] + "\n" + body)
PY
encoded=$(printf 'stripe_key = "%s" # payments' "$stripe" | base64 | tr -d '\n')
printf 'blob: %s\n%s\n' "${encoded:0:40}" "${encoded:40}" > zz_encoded.txt
printf '# last line of the window\ntoken: %s\n' "$github" > zz_window.txt
commit "filler and tokens"
gate block check --base "$base" --head HEAD
expect_in_output "aws-access-key-id"
expect_in_output "github-pat-classic"
expect_in_output "stripe-secret-key"
