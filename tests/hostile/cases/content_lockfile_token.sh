# attack: a registry token in a lockfile's resolved URL or an SVG, paths the default policy allowlisted
# surface: staged, range
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write yarn.lock 'accepts@~1.3.8:' \
  "  resolved \"https://npm:$token@npm.pkg.github.com/accepts/-/accepts-1.3.8.tgz\""
write web/logo.svg "<svg><!-- $token --></svg>"
write docs/shot.png "token=$token"
git add -A
gate block check --staged
commit "lockfile"
gate block check --base "$base" --head HEAD
