# attack: the plainest leak, a GitHub token staged in a config file (the suite's control case)
# surface: staged
# expect: block
new_repo
write README.md hello
commit init
token=$(fake_github_token)
plant "$token"
write config/app.env "GITHUB_TOKEN=$token"
git add -A
gate block check --staged
gate block check --staged --format json
gate block check --staged --format sarif
