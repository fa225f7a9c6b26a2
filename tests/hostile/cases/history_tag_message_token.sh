# attack: a token in an annotated tag's message: commit messages were scanned as metadata, tag messages not, so the audit passed
# surface: history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
git tag -a v1 -m "GITHUB_TOKEN=$token"
gate block history --format json
expect_in_output '<tag message>'
expect_in_output 'Delete the tag (git tag -d'
