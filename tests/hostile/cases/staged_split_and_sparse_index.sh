# attack: an index git writes split (core.splitIndex) or sparse (sparse-checkout --sparse-index), which libgit2 cannot read, is judged as an empty index
# surface: staged
# expect: error, saying how to make the index whole
base_repo
token=$(fake_github_token)
plant "$token"
mkdir -p app deploy
write app/main.py 'print(1)'
write deploy/config.env "TOKEN=placeholder"
commit 'two folders'
write deploy/config.env "TOKEN=$token"
git add -A
git update-index --split-index
gate error check --staged
expect_in_output 'git update-index --no-split-index'
git update-index --no-split-index
gate block check --staged
git sparse-checkout init --cone --sparse-index
git sparse-checkout set deploy
gate error check --staged
expect_in_output 'no-sparse-index'
git sparse-checkout init --cone --no-sparse-index
gate block check --staged
