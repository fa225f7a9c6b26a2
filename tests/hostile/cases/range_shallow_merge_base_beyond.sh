# attack: a CI job clones shallowly (a fetch depth of 2) and fetches the target branch's tip on its own, so the range's base is present but the fork point is not: the token sits in a commit of the branch beyond the shallow boundary, hoping the merge base (now found before the walk, the net diff started from it at once) comes out as some commit inside the clone and the range judged from there leaves the token out
# surface: range
# expect: error
base_repo origin
write main.txt 'main work'
commit 'main work'
git checkout -q -b feature "$base"
token=$(fake_github_token)
plant "$token"
write config "GITHUB_TOKEN=$token"
commit 'add config'
for i in 1 2 3; do
  write "f$i.txt" "work $i"
  commit "work $i"
done
cd "$HOSTILE_WORK"
git clone -q --depth 2 --branch feature "file://$HOSTILE_WORK/origin" clone
cd clone
git fetch -q --depth 1 origin main
gate error check --base FETCH_HEAD --head HEAD --format json
expect_in_output 'shallow'
