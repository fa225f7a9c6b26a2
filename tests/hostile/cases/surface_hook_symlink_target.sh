# attack: .git/hooks/pre-commit is a symlink to a file outside the repository; install-hook must not write through it
# surface: install-hook
# expect: error (without --force), never a write through the link
new_repo
write README.md hello
commit init
outside="$HOSTILE_WORK/outside-file"
printf 'precious\n' >"$outside"
mkdir -p .git/hooks
ln -sf "$outside" .git/hooks/pre-commit
gate fails install-hook
[ "$(cat "$outside")" = precious ] || fail "install-hook wrote through a symlink to $outside"
# --force may replace the link itself with riskgate's hook, or refuse; never write through it.
gate any install-hook --force
[ "$(cat "$outside")" = precious ] || fail "install-hook --force wrote through a symlink to $outside"
if [ -L .git/hooks/pre-commit ] && [ "$(cat .git/hooks/pre-commit)" != precious ]; then
  fail "the hook is still a link, and its target changed"
fi
