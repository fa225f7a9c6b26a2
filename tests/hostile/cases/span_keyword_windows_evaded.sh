# attack: the built-in rules read only the lines near their keywords (span: near); a change buries the token where windows might not reach: after thousands of lines that repeat the keyword (so windows are many and merged), at the end of a 200 KB line, right after a window's last byte, and in a file where the keyword's only other occurrence is far away
# surface: staged
# expect: block (the gate holds today)
new_repo
write README.md 'hello'
commit base
token=$(fake_github_token)
plant "$token"
try() { git add -A; gate block check --staged; expect_in_output 'BLOCK'; git reset -q --hard; }
# The keyword on every line (windows cover the file: one pass reads it all).
for i in $(seq 1 3000); do printf 'ghp_ mentioned on line %d\n' "$i"; done >a.txt
printf 'token=%s\n' "$token" >>a.txt; try
# The keyword every 40 lines: many separate windows; the token 20 lines after the last one.
{ for i in $(seq 1 2000); do
    if [ $((i % 40)) -eq 0 ]; then printf 'see ghp_ docs %d\n' "$i"; else printf 'filler %d\n' "$i"; fi
  done
  for i in $(seq 1 20); do printf 'more %d\n' "$i"; done
  printf 'token=%s\n' "$token"
  for i in $(seq 1 2000); do printf 'tail %d\n' "$i"; done; } >b.txt; try
# The token at the end of a 200 KB line, the keyword's other occurrence 3,000 lines before.
{ printf 'ghp_ intro\n'; for i in $(seq 1 3000); do printf 'x %d\n' "$i"; done
  head -c 200000 /dev/zero | tr '\0' a; printf ' %s\n' "$token"; } >c.txt; try
# A window ends at a line: the token's line is exactly 3 lines and 600 bytes past a keyword.
{ for i in $(seq 1 500); do printf 'pad %d\n' "$i"; done; printf 'ghp_ here\n'
  printf '%0200d\n' 0 0 0; printf 'token=%s\n' "$token"
  for i in $(seq 1 500); do printf 'pad %d\n' "$i"; done; } >d.txt; try
