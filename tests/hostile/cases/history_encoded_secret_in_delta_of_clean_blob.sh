# attack: encoded secrets written into a long file that decodes to nothing, and taken out again, so that the pack keeps each version holding one as a git delta of a clean one; the sweep decodes a delta's result only around what the delta changed, so a base64 line added, a wrapped base64 block of which only the inside of one line changes (the whole block is one run), a percent-encoded value, and two halves of an encoded token too short to decode that a one-byte change joins must all still be found, each at the commit that brought it
# surface: history
# expect: block
new_repo
# A long clean file (~600 KB) with a wrapped block of base64(1) output of "AAA..." in its middle:
# one letter case and low entropy, so nothing in the file decodes.
# Two halves of an encoded token, each too short to decode, two spaces apart.
python3 - "$(fake_aws_key_id)" <<'PY'
import base64, sys
block = base64.b64encode(b"A" * 57 * 3).decode()
token = base64.b64encode(("\n" + sys.argv[1] + "\n  ").encode()).decode()
assert len(token) == 32
with open("settings.conf", "w") as f:
    for i in range(12000):
        f.write("option_%05d = value number %d for the service\n" % (i, i * 7))
        if i == 4500:
            f.write("session = " + token[:20] + "  " + token[21:] + ";\n")
        if i == 6000:
            f.write("certificate_padding = ;\n")
            for at in range(0, len(block), 76):
                f.write(block[at:at + 76] + "\n")
            f.write(";\n")
PY
commit base
clean=$(cat settings.conf)
plant_fake_tokens
# A line of base64 added.
python3 - "$gitlab" <<'PY'
import base64, sys
lines = open("settings.conf").read().split("\n")
lines.insert(3000, "extra = " + base64.b64encode(("token: " + sys.argv[1] + "\n").encode()).decode())
open("settings.conf", "w").write("\n".join(lines))
PY
commit 'encoded line'
printf '%s\n' "$clean" >settings.conf
commit 'clean again'
# The inside of the block's middle line rewritten (its line breaks and ends are copied): the
# block decodes to "AAA...", a line holding the token, "...AAA".
python3 - "$github" <<'PY'
import base64, sys
text = open("settings.conf").read()
start = text.index("certificate_padding = ;\n") + len("certificate_padding = ;\n")
secret = ("\ntoken " + sys.argv[1] + "\n").encode()
secret += b" " * (-len(secret) % 3)
encoded = base64.b64encode(secret).decode()
assert len(encoded) <= 64
at = start + 77 + 8  # the second line, 8 characters in (a multiple of 4 into the block)
text = text[:at] + encoded + text[at + len(encoded):]
open("settings.conf", "w").write(text)
PY
commit 'the block rewritten'
printf '%s\n' "$clean" >settings.conf
commit 'clean once more'
# A percent-encoded value.
python3 - "$stripe" <<'PY'
import sys, urllib.parse
lines = open("settings.conf").read().split("\n")
lines[9000] = "callback = https://example.com/hook?stripe_key%3D" + urllib.parse.quote(sys.argv[1], safe="") + "%26mode%3Dlive"
open("settings.conf", "w").write("\n".join(lines))
PY
commit 'percent-encoded'
printf '%s\n' "$clean" >settings.conf
commit 'clean at last'
# The two spaces between the halves become the token's missing character: one byte less, so
# the clean version stays the delta base, and the change alone decodes to nothing.
python3 - "$aws" <<'PY'
import base64, sys
token = base64.b64encode(("\n" + sys.argv[1] + "\n  ").encode()).decode()
text = open("settings.conf").read()
halves = token[:20] + "  " + token[21:]
assert text.count(halves) == 1
open("settings.conf", "w").write(text.replace(halves, token))
PY
commit 'halves joined'
printf '%s\n' "$clean" >settings.conf
commit 'clean finally'
edit_tip_and_repack settings.conf
# The versions holding a secret must be deltas in the pack (the joined halves' for sure), or
# this case tests nothing new.
require_deltas settings.conf 3 HEAD~5 HEAD~7 HEAD~9 HEAD~11
require_deltas settings.conf 1 HEAD~5
gate block history --format json
expect_secrets_introduced_at settings.conf HEAD~11 HEAD~9 HEAD~7 HEAD~5
