# attack: more than a MiB of whole-file contexts ahead of it (a large file edited first), so that riskgate drops the contexts its rule prefilter clears, then a Kubernetes Secret's value replaced on a line of its own, where no rule's regex matches and only the whole manifest says it is a Secret
# surface: staged, range
# expect: block
new_repo
seq 1 250000 >big.txt
mkdir -p deploy
write deploy/secret.yaml 'apiVersion: v1' 'kind: Secret' 'metadata:' '  name: db' 'data:' \
  "  password: $(printf 'changeme' | base64 -w0)"
commit 'a large file and a Secret with a placeholder'
base=$(git rev-parse HEAD)
password=$(head -c 18 /dev/urandom | base64 -w0 | tr '+/' 'xy')
encoded=$(printf '%s' "$password" | base64 -w0)
plant "$encoded"
echo 250001 >>big.txt
write deploy/secret.yaml 'apiVersion: v1' 'kind: Secret' 'metadata:' '  name: db' 'data:' \
  "  password: $encoded"
git add -A
gate block check --staged
commit 'set the password'
gate block check --base "$base" --head HEAD
