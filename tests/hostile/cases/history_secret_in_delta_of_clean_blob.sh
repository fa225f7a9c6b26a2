# attack: secrets written into a long file and taken out again, so that the pack keeps each version holding a secret as a git delta of a clean one (and the reverse); the sweep prefilters a delta's result only near what the delta changed, so a secret inside the change, one that straddles a copied run and an insert, and ones at the file's first and last bytes must all still be found, each at the commit that brought it
# surface: history
# expect: block
new_repo
# A long clean file (~600 KB) so that a change is a small part of it, and enough text that the
# prebuilt prefilter serves.
write_settings 12000
commit base
clean=$(cat settings.conf)
plant_fake_tokens
# In the middle of the file, as a line of its own.
insert_setting 6000 "github_token = $github"
commit 'middle'
printf '%s\n' "$clean" >settings.conf
commit 'clean again'
# Straddling: a clean line that already ends in the key's prefix, then only the rest changes.
python3 - <<'PY'
lines = open("settings.conf").read().split("\n")
lines[9000] = "aws_access_key_id = AKIA"
open("settings.conf", "w").write("\n".join(lines))
PY
commit 'a prefix alone'
python3 - "$aws" <<'PY'
import sys
lines = open("settings.conf").read().split("\n")
lines[9000] = "aws_access_key_id = " + sys.argv[1]
open("settings.conf", "w").write("\n".join(lines))
PY
commit 'the rest of the key'
printf '%s\n' "$clean" >settings.conf
commit 'clean once more'
# At the first and at the last bytes.
{ printf 'token: %s\n' "$gitlab"; printf '%s\n' "$clean"; } >settings.conf
commit 'first bytes'
{ printf '%s\n' "$clean"; printf 'stripe_key = %s' "$stripe"; } >settings.conf
commit 'last bytes'
printf '%s\n' "$clean" >settings.conf
commit 'clean again at last'
edit_tip_and_repack settings.conf
# The versions holding a secret must be deltas in the pack, or this case tests nothing new.
require_deltas settings.conf 3 HEAD~5 HEAD~6 HEAD~8 HEAD~11
gate block history --format json
expect_secrets_introduced_at settings.conf HEAD~11 HEAD~8 HEAD~6 HEAD~5
