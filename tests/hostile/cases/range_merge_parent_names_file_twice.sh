# attack: a merge takes a token at conf.txt from a side parent whose hand-made tree names conf.txt twice (a clean copy and the token), hoping the merge's path lookup in that parent finds the clean copy, calls the merge's file "taken from a parent" and judges nothing
# surface: range
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
readme=$(git rev-parse HEAD:README.md)
clean=$(printf 'clean\n' | git hash-object -w --stdin)
secret=$(printf 'GITHUB_TOKEN=%s\n' "$token" | git hash-object -w --stdin)
# git mktree refuses a doubled name; the raw tree is written as it is.
python3 - "$readme" "$clean" "$secret" "$HOSTILE_WORK/side.tree" <<'PY'
import binascii, sys
readme, clean, secret = (binascii.unhexlify(x) for x in sys.argv[1:4])
with open(sys.argv[4], 'wb') as out:
    out.write(b'100644 README.md\0' + readme + b'100644 conf.txt\0' + clean +
              b'100644 conf.txt\0' + secret)
PY
side_tree=$(git hash-object -t tree --literally -w "$HOSTILE_WORK/side.tree")
side=$(git commit-tree "$side_tree" -p "$base" -m side)
main_tree=$(printf '100644 blob %s\tREADME.md\n100644 blob %s\tconf.txt\n' "$readme" "$clean" | git mktree)
main=$(git commit-tree "$main_tree" -p "$base" -m main)
merge_tree=$(printf '100644 blob %s\tREADME.md\n100644 blob %s\tconf.txt\n' "$readme" "$secret" | git mktree)
merge=$(git commit-tree "$merge_tree" -p "$main" -p "$side" -m merge)
git update-ref refs/heads/main "$merge"
gate block check --base "$base" --head "$merge"
expect_in_output 'github-pat-classic'
