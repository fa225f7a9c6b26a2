# attack: a real OpenSSH private key holds AAAAAAAA runs (zero bytes in its structure); the placeholder test must not take it for a placeholder and let it warn
# surface: staged, worktree
# expect: block
new_repo
ssh-keygen -q -t ed25519 -N "" -C "" -f "$HOSTILE_WORK/id_ed25519" >/dev/null
# The key's base64 lines are secrets: none may appear in any output.
sed -n '2,$p' "$HOSTILE_WORK/id_ed25519" | grep -v -- '-----' | while IFS= read -r line; do plant "$line"; done
cp "$HOSTILE_WORK/id_ed25519" deploy_key
git add deploy_key
gate block check --staged --format json
expect_in_output '"rule": "private-key"'
gate block check --worktree
