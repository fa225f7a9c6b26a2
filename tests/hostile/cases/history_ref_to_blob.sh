# attack: a blob holding a token reachable only through a tag pointing at it (annotated, or a ref straight at the blob): git clones and pushes it (git rev-list --objects --all lists it), but the walk starts only from refs that lead to commits, so the audit passes
# surface: history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
blob=$(printf 'github_token = %s\n' "$token" | git hash-object -w --stdin)
git tag -a blobtag -m 'a blob' "$blob"
git rev-list --objects --all | grep -c "$blob" >/dev/null || fail 'git does not reach the blob'
gate block history --format json
