# attack: a change hides a token base64-encoded (URL-safe, unpadded, or in a Kubernetes Secret), or percent-encoded
# surface: staged, range, worktree, history
# expect: block
base_repo
token=$(fake_github_token)
encoded=$(printf '%s' "$token" | base64 -w0)
urlsafe=$(printf 'token=%s' "$token" | base64 -w0 | tr '+/' '-_' | tr -d '=')
percent=$(printf '%s' "$token" | sed 's/_/%5F/; s/^g/%67/')
plant "$token"
plant "$encoded"
plant "$urlsafe"
write config/app.json "{\"blob\": \"$encoded\"}"
git add -A
gate block check --staged
commit "config"
gate block check --base "$base" --head HEAD
gate block check --worktree
gate block history
base2=$(git rev-parse HEAD)
write deploy/secret.yaml 'apiVersion: v1' 'kind: Secret' 'metadata:' '  name: gh' 'data:' \
  "  token: $encoded"
commit "k8s secret"
gate block check --base "$base2" --head HEAD
base3=$(git rev-parse HEAD)
write notes.txt "callback: https://ci.example/hook?state=$urlsafe"
commit "notes"
gate block check --base "$base3" --head HEAD
base4=$(git rev-parse HEAD)
write link.txt "https://ci.example/login?t=$percent&x=1"
commit "link"
gate block check --base "$base4" --head HEAD
