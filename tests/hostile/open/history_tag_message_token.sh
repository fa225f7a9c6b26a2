# attack: a token in an annotated tag's message: commit messages are scanned as metadata, tag messages are not, so the audit passes
# surface: history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
git tag -a v1 -m "GITHUB_TOKEN=$token"
gate block history --format json
