# attack: now that a re-pointed submodule is part of a change, the change puts submodules (gitlinks, whose "blob" is a commit id) where the controls read documents: a workflow, a Dockerfile, CODEOWNERS, the policy; and re-points one whose id names a blob holding a token
# surface: range (CI), staged, documents of the pins control, policy files
# expect: no crash and no read of a commit id as a document: pass for documents turned into gitlinks (the token blob behind one is never pushed), exit 2 naming the policy file turned into one
base_repo
token=$(fake_github_token)
plant "$token"
write .github/workflows/ci.yml 'on: push' 'jobs:' '  build:' '    runs-on: ubuntu-latest' \
  '    steps:' '      - uses: actions/checkout@v4'
write Dockerfile 'FROM debian:12'
git update-index --add --cacheinfo "160000,$base,vendor/lib"
git add -A
git commit -q --no-verify -m 'workflow, image, submodule'
base=$(git rev-parse HEAD)
export CI=true
# A blob holding the token, named by a gitlink's id.
blob=$(printf 'GITHUB_TOKEN=%s\n' "$token" | git hash-object -w --stdin)
git rm -q --cached .github/workflows/ci.yml Dockerfile
for path in .github/workflows/ci.yml Dockerfile; do
  git update-index --add --cacheinfo "160000,$base,$path"
done
git update-index --add --cacheinfo "160000,$blob,vendor/lib"
gate pass check --staged
gate pass check --staged --format json
git commit -q --no-verify -m 'gitlinks where documents were'
# What git would push holds no token (a gitlink's id is another repository's commit, never sent).
gate pass check --base "$base" --head HEAD
gate pass check --base "$base" --head HEAD --format sarif
gate any history
# The policy files as gitlinks: the guard cannot read the new version, and says so.
git update-index --add --cacheinfo "160000,$base,.riskgate.yaml"
git update-index --add --cacheinfo "160000,$base,CODEOWNERS"
git commit -q --no-verify -m 'policy files as gitlinks'
gate error check --base "$base" --head HEAD
expect_in_output '.riskgate.yaml'
