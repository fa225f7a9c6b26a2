# attack: a file starts like a Git LFS pointer so it is skipped whole; the token follows
# surface: staged, range, worktree, history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write model.bin 'version https://git-lfs.github.com/spec/v1' \
  'oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393' \
  'size 12345' "token=$token"
git add -A
gate block check --staged
commit "fake pointer"
gate block check --base "$base" --head HEAD
gate block check --worktree
gate block history
# an LFS-looking first hunk of an existing file must not hide the rest of the file
write notes.txt 'version https://git-lfs.github.com/spec/v1' \
  'oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393' 'size 1'
commit "notes"
base2=$(git rev-parse HEAD)
write notes.txt 'version https://git-lfs.github.com/spec/v1' \
  'oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393' 'size 1' \
  "aws=$token"
commit "append"
gate block check --base "$base2" --head HEAD
