# attack: a token base64-encoded deep inside a 64 KB stop-free base64 run (an embedded font), written into a version that git stores as a delta of one where the run decodes to nothing; the run is decoded in 16 KB pieces counted from its start 20 KB before the change, so a sweep that read only near the change, without going back to where the run begins, would decode it out of step and miss the token
# surface: history
# expect: block
new_repo
plant_fake_tokens
# The clean file: settings lines around one long line holding base64 of random bytes (it
# decodes to no printable run), with a stop-free run of 64 KB.
python3 - <<'PY'
import base64, random
rng = random.Random(21)
font = base64.b64encode(bytes(rng.randrange(256) for _ in range(48 * 1024))).decode()
with open("settings.conf", "w") as f:
    for i in range(5000):
        f.write("option_%05d = value number %d for the service\n" % (i, i * 7))
        if i == 1500:
            f.write('font = "data:font/woff2;base64,' + font + '";\n')
PY
commit base
clean=$(cat settings.conf)
# 20 KB into the run (a multiple of 4 from its start, inside its second 16 KB piece), the
# token's base64 replaces as many characters; the line loses its ';' so this version is the
# smaller one and git keeps it as a delta of the clean one.
python3 - "$github" <<'PY'
import base64, sys
text = open("settings.conf").read()
start = text.index("base64,") + len("base64,")
encoded = base64.b64encode(("\ntoken " + sys.argv[1] + "\n").encode()).decode()
at = start + 20 * 1024
text = text[:at] + encoded + text[at + len(encoded):]
text = text.replace('";\n', '"\n', 1)
open("settings.conf", "w").write(text)
PY
commit 'token deep in the font'
printf '%s\n' "$clean" >settings.conf
commit 'clean again'
edit_tip_and_repack settings.conf
require_deltas settings.conf 1 HEAD~5
gate block history --format json
expect_secrets_introduced_at settings.conf HEAD~5
