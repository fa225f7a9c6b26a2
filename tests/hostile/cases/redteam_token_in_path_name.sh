# attack: the token is only in a path: a file name, a folder name, a submodule (gitlink) path; the tree entries are pushed and listed on the pull request, but only file contents are scanned
# surface: staged, range (CI), history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
write "config/token-$token.txt" 'placeholder'
git add -A
gate block check --staged
git reset -q --hard
write "keys/$token/README" 'see folder name'
git add -A
git update-index --add --cacheinfo "160000,b4ffde65f46336ab88eb53be808477a3936bae11,vendor/sub-$token"
gate block check --staged
git commit -q --no-verify -m change
export CI=true
gate block check --base "$base" --head HEAD
unset CI
gate block history
