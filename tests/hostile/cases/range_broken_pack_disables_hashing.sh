# attack: a poisoned CI cache both overwrites the loose object of the blob that holds a token with a clean blob's bytes and adds a pack riskgate's own reader refuses (a header that is not a pack's), so that riskgate, failing to open its object store, lets libgit2 (which does not hash what it reads) read alone and scan the clean text
# surface: history, range
# expect: error
commit_token_config
head=$(git rev-parse HEAD)
dirty=$(git rev-parse HEAD:config)
clean=$(printf 'user = me\n' | git hash-object -w --stdin)
overwrite_loose "$dirty" "$clean"
mkdir -p .git/objects/pack
printf 'this is no pack' > .git/objects/pack/pack-0000000000000000000000000000000000000000.pack
printf 'this is no index' > .git/objects/pack/pack-0000000000000000000000000000000000000000.idx
gate error check --base "$base" --head "$head" --format json
expect_in_output 'cannot be read safely'
gate error history
