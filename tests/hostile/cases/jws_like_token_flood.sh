# attack: the keyword of the jws-like-token rule ('.ey') on every few bytes of a 300 kB line, and segments that almost match, hoping to make the rule's windows cover the file and the regex crawl (a hang) or to hide a real three-segment token after the flood
# surface: staged
# expect: no hang; the token after the flood is found
base_repo
tok=$(printf 'ey%s.ey%s.%s' 'B7hK2mQ9xL4vT7wZ1bN6cH3jP5sD' 'Q8nW3rT6yU1iO4pA7sD0fG5hJ2kL9zX' 'mN4bV7cX1zL8kJ5hG2fD9sA6pO3iU0yT')
plant "$tok"
# A line of 30,000 near-misses: 'ey' segments without a digit, and short ones.
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "a.eyabc.eyqwertyuiopasdfgh"; printf "\n" }' >flood.txt
printf 'token = "%s"\n' "$tok" >>flood.txt
git add -A
gate any check --staged
expect_in_output 'jws-like-token'
