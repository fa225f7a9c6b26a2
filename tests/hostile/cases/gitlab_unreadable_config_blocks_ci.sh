# attack: a GitLab configuration riskgate reads otherwise than GitLab does or cannot read at all: a second job under the same name (GitLab keeps the last, yaml-cpp the first), a second YAML document without a `spec:` header, a `!reference` cycle; in a CI range none may pass as a mere warning
# surface: range (CI)
# expect: block
new_repo
write README.md 'hello'
commit base
export CI=true
img='  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000'
write .gitlab-ci.yml 'build:' "$img" '  script: [make]' 'build:' "$img" '  script:' '    - echo ok'
commit 'duplicate job'
gate block check --base HEAD~1 --head HEAD
write .gitlab-ci.yml 'build:' "$img" '  script: [make]' '---' 'deploy:' "$img" '  script: [make]'
commit 'two documents'
gate block check --base HEAD~1 --head HEAD
write .gitlab-ci.yml '.a:' '  x: !reference [.b, x]' '.b:' '  x: !reference [.a, x]' 'build:' "$img" '  script: [!reference [.a, x]]'
commit 'reference cycle'
gate block check --base HEAD~1 --head HEAD
