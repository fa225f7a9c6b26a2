# attack: a range modifies a 1.2 MiB file with nothing any rule could match, so its line diff is skipped and its old version never read; the old version's object is missing from the store (a broken or partial clone) — the gate must still fail closed as it does for any file whose old version it cannot find, not pass because it did not need the bytes
# surface: range
# expect: error
base_repo
python3 - big.txt <<'PY'
import sys
open(sys.argv[1], "w").write("".join("plain filler line number %d of a large file\n" % i for i in range(28000)))
PY
commit "a large file"
base2=$(git rev-parse HEAD)
old=$(git rev-parse HEAD:big.txt)
printf 'one more plain line\n' >> big.txt
commit "one more line"
rm -f ".git/objects/${old:0:2}/${old:2}"
[ ! -e ".git/objects/${old:0:2}/${old:2}" ] || fail "the old version is still there"
gate error check --base "$base2" --head HEAD
expect_in_output "$old"
