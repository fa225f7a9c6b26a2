# attack: a GitLab job starts a child pipeline whose configuration comes from another project's branch (`trigger: include: - project: ... file: ...`, no ref) or a remote URL, an unpinned include the pins control only checks at the top-level `include:`
# surface: staged, range (CI)
# expect: block
base_repo
write .gitlab-ci.yml 'deploy:' '  trigger:' '    include:' '      - project: evil-group/ci-templates' '        file: deploy.yml'
git add -A
gate block check --staged
write .gitlab-ci.yml 'deploy:' '  trigger:' '    include: https://evil.example/deploy.yml'
git add -A
gate block check --staged
commit change
export CI=true
gate block check --base "$base" --head HEAD
