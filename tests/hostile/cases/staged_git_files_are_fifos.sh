# attack: files of the repository's .git that libgit2 opens are FIFOs nobody writes to (the index, the config, the branch's loose ref, objects/info/alternates, or GIT_INDEX_FILE): the staged check waited forever instead of refusing
# surface: staged
# expect: error
HOSTILE_TIMEOUT=30
staged_token
# swap_fifo FILE: FILE becomes a FIFO for one gate run, then comes back.
swap_fifo() {
  mv "$1" "$1.real"
  mkfifo "$1"
  gate error check --staged
  rm "$1"
  mv "$1.real" "$1"
}
swap_fifo .git/index
swap_fifo .git/config
swap_fifo .git/refs/heads/main
mkfifo .git/objects/info/alternates
gate error check --staged
rm .git/objects/info/alternates
mkfifo "$HOSTILE_WORK/index-fifo"
GIT_INDEX_FILE="$HOSTILE_WORK/index-fifo" gate error check --staged
# The same in a range check, and a device behind a symlink (read for ever rather than waited on).
git commit -q --no-verify -m 'add config'
mkfifo .git/packed-refs
gate error check --base "$base" --head HEAD
rm .git/packed-refs
mv .git/config .git/config.real
ln -s /dev/zero .git/config
gate error check --base "$base" --head HEAD
rm .git/config
mv .git/config.real .git/config
gate block check --base "$base" --head HEAD
