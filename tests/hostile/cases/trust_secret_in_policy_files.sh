# attack: a token hidden in .gitleaks.toml (or another policy file) is never scanned, and a .gitleaksignore added by the change ignores its own token
# surface: range
# expect: block
gitleaks_base_repo
token=$(fake_github_token)
plant "$token"
write .gitleaks.toml '[[rules]]' 'id = "gh-pat"' "regex = '''ghp_[A-Za-z0-9]{36}'''" "# example: $token"
commit 'hide a token in the config'
gate block check --base "$base"
gate block check --worktree
git reset -q --hard "$base"
write CODEOWNERS "* @me # $token"
commit 'hide a token in CODEOWNERS'
gate block check --base "$base"
git reset -q --hard "$base"
write config.env "TOKEN=$token"
write .gitleaksignore 'config.env:gh-pat:1'
commit 'token and its own ignore entry'
gate block check --base "$base"
