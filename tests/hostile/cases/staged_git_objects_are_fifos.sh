# attack: a poisoned .git (restored from a CI cache, or left by an earlier step) where files libgit2 opens while reading objects or config are FIFOs nobody writes to: the loose object of the staged blob, the multi-pack index, or a config file that .git/config includes; the check waits forever instead of refusing (e76ffa8 refused only the files CheckGitFiles lists)
# surface: staged, range
# expect: fails (exit 1 or 2 with a reason), never a hang
HOSTILE_TIMEOUT=30
staged_token
# 1. the staged blob's loose object is a FIFO
id=$(git rev-parse :config.env)
loose=.git/objects/${id:0:2}/${id:2}
mv "$loose" "$HOSTILE_WORK/loose.real"
mkfifo "$loose"
gate fails check --staged
rm "$loose"
mv "$HOSTILE_WORK/loose.real" "$loose"
# 2. the multi-pack index is a FIFO (staged, and a range over the same objects)
git commit -q --no-verify -m 'add config'
git repack -adq
git multi-pack-index write
write other.txt 'more'
git add other.txt  # before the FIFO: git itself would wait on it
mv .git/objects/pack/multi-pack-index "$HOSTILE_WORK/midx.real"
mkfifo .git/objects/pack/multi-pack-index
gate fails check --staged
gate fails check --base "$base" --head HEAD
rm .git/objects/pack/multi-pack-index
# 3. .git/config includes a FIFO
mkfifo "$HOSTILE_WORK/included.fifo"
printf '[include]\n\tpath = %s\n' "$HOSTILE_WORK/included.fifo" >>.git/config
gate fails check --staged
# 4. ... two includes down: .git/config includes a regular file that includes the FIFO (its own
# include written without git, which would wait on the FIFO itself)
python3 - <<'PY'
text = open(".git/config").read()
open(".git/config", "w").write(text[:text.rindex("[include]")])
PY
printf '[includeIf "gitdir:/"]\n\tpath = %s\n' "$HOSTILE_WORK/included.fifo" >"$HOSTILE_WORK/middle.cfg"
printf '[include]\n\tpath = %s\n' "$HOSTILE_WORK/middle.cfg" >>.git/config
gate error check --staged
expect_in_output 'included.fifo'
