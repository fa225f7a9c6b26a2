# attack: the token is written in UTF-16 (with and without a BOM) so NUL bytes make it "binary"
# surface: staged, range, worktree, history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
printf 'token=%s\n' "$token" | iconv -f UTF-8 -t UTF-16 >bom.txt
printf 'token=%s\n' "$token" | iconv -f UTF-8 -t UTF-16LE >nobom.txt
printf 'token=%s\n' "$token" | iconv -f UTF-8 -t UTF-32 >wide32.txt
git add -A
gate block check --staged
commit "wide"
gate block check --base "$base" --head HEAD
gate block check --worktree
gate block history
