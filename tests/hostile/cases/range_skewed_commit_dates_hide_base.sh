# attack: the change's commits carry committer dates a decade before the base's (and a merge of a side branch dated in the future), so that a merge-base search bounded by dates gives up, or a walk ordered by date stops early, and the commit adding a token is left out of the range or judged against the wrong base
# surface: range
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
git checkout -q -b side
write side.txt 'side work'
GIT_COMMITTER_DATE='2040-01-01T00:00:00Z' GIT_AUTHOR_DATE='2040-01-01T00:00:00Z' commit side
git checkout -q -
write config "GITHUB_TOKEN=$token"
GIT_COMMITTER_DATE='2001-01-01T00:00:00Z' GIT_AUTHOR_DATE='2001-01-01T00:00:00Z' commit 'add config'
write config 'GITHUB_TOKEN=${{ secrets.TOKEN }}'
GIT_COMMITTER_DATE='2001-01-02T00:00:00Z' GIT_AUTHOR_DATE='2001-01-02T00:00:00Z' commit 'hide it again'
GIT_COMMITTER_DATE='2001-01-03T00:00:00Z' git merge -q --no-ff -m 'merge side' side
gate block check --base "$base" --head HEAD --format json
expect_in_output '"commit"'
