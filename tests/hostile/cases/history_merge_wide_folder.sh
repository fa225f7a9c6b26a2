# attack: a merge whose folder of 100,000 files differs from both parents, with a key among them; finding each path's version in the other parent by reading the folder's entries once per path costs 10^10 entry reads, so the audit is stopped before it reaches the key
# surface: history
# expect: block
new_repo
write README.md 'hello'
commit base
secret=$(fake_aws_key_id)
plant "$secret"
# A folder of 100,000 files sharing ten contents (one file of the merge's holds the key).
wide_folder() {
  local blobs=() i
  for i in 0 1 2 3 4 5 6 7 8 9; do blobs+=("$(printf '%s %s\n' "$1" "$i" | git hash-object -w --stdin)"); done
  local key
  key=$(printf 'aws_access_key_id = %s\n' "$secret" | git hash-object -w --stdin)
  python3 - "$2" "$key" "${blobs[@]}" <<'PY' | git mktree
import sys
with_key, key, blobs = sys.argv[1] == "yes", sys.argv[2], sys.argv[3:]
for i in range(100000):
    blob = key if with_key and i == 50000 else blobs[i % 10]
    print(f"100644 blob {blob}\tf{i:06d}")
PY
}
tree_with() {  # the tree of HEAD with `wide` set to the folder $1
  { git ls-tree HEAD; printf '040000 tree %s\twide\n' "$1"; } | git mktree
}
side=$(git commit-tree "$(tree_with "$(wide_folder side no)")" -p HEAD -m side)
write other 'x'
commit main
merge=$(git commit-tree "$(tree_with "$(wide_folder merged yes)")" -p HEAD -p "$side" -m merge)
git update-ref refs/heads/main "$merge"
[ "$(git rev-list --merges --count HEAD)" = 1 ] || fail 'no merge was made'
HOSTILE_TIMEOUT=30 gate block history --format json
