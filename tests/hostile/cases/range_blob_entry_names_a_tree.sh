# attack: a commit of a range has a hand-made tree whose file entry (mode 100644) names a tree object, whose own entries hold a token: a range that reads a file's new version through riskgate's own object reader must not take a tree for a blob, nor skip the file — the gate fails closed
# surface: range
# expect: error
base_repo
token=$(fake_github_token)
plant "$token"
write inner/config.txt "token = $token"
git add -A
inner=$(git write-tree --prefix=inner/)
git reset -q --hard
tree=$(literal_tree README.md "$(git rev-parse HEAD:README.md)" config.txt "$inner")
evil=$(git commit-tree "$tree" -p "$base" -m "a file that is a folder")
gate error check --base "$base" --head "$evil"
expect_in_output "not a blob"
