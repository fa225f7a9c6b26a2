# attack: a lightweight tag named with a token names a blob (no commit) holding another token, so every report that prints the blob's path (the ref's name) would print the first token
# surface: history
# expect: block in every format, never a token in any output
base_repo
token=$(fake_github_token)
name=$(fake_gitlab_token)
plant "$token"
plant "$name"
blob=$(printf 'github_token = %s\n' "$token" | git hash-object -w --stdin)
git update-ref "refs/tags/$name" "$blob"
for format in text json sarif gitlab github markdown junit; do
  gate block history --format "$format" --output "$HOSTILE_WORK/h.$format"
  keep_output "$HOSTILE_WORK/h.$format"
done
