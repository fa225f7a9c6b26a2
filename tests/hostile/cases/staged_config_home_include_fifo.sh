# attack: a poisoned .git whose config includes `~/…` naming a FIFO nobody writes to: libgit2 reads the include from the home it takes (HOME; the passwd entry's when told it runs sandboxed), so a check that looked elsewhere, or at nothing, would let the run wait forever
# surface: staged
# expect: exit 2 naming the FIFO where libgit2 would open it; with HOME unset or empty libgit2 opens no `~/` include and the check judges the change (block); never a hang
HOSTILE_TIMEOUT=30
staged_token
mkdir -p "$HOSTILE_WORK/home"
mkfifo "$HOSTILE_WORK/home/included.fifo"
printf '[include]\n\tpath = ~/included.fifo\n' >>.git/config
# 1. HOME names the folder holding the FIFO: refused before libgit2 opens it.
HOME="$HOSTILE_WORK/home" gate error check --staged
expect_in_output 'included.fifo'
# 2. HOME unset or empty: libgit2 expands no `~/` (it has no global folder) and opens nothing of
# the include; the staged token is judged as usual.
(
  unset HOME
  gate block check --staged
) || exit 1
HOME= gate block check --staged
