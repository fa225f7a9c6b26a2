# attack: a credential sits in the policy itself (an allowlist regex or stopword naming a known token, a custom rule's literal pattern); `policy show` and `explain` print those settings verbatim, so a CI job logging the effective policy publishes the token
# surface: policy show, explain
# expect: pass (the commands succeed) and no planted token in their output
new_repo
token=$(fake_github_token)
plant "$token"
write .riskgate.yaml 'version: 1' 'controls:' '  secrets:' '    allowlist:' \
  "      regexes: ['$token']" "      stopwords: ['$token']" '    rules:' '      - id: legacy-deploy-token' \
  "        regex: '$token'" '        description: the old deploy token' '        severity: high'
commit policy
gate pass policy show
gate pass policy show --format json
gate pass explain legacy-deploy-token
gate pass explain github-pat-classic
