# attack: a percent-encoded token in a URL whose value first holds a lone '%' (not an escape), hoping the run finder, which now grows runs outward from each %XX, starts after the lone '%' and cuts the token's escape away, or that a run of several escapes hides it
# surface: staged
# expect: block (the gate holds today)
new_repo
write README.md 'hello'
commit base
token=$(fake_github_token)
rest=${token#g}
plant "$token"
plant "$rest"
try() { git add -A; gate block check --staged; expect_in_output 'percent-decoded'; git reset -q --hard; }
printf 'url=https://shop.example/x?deal=50%%-off&t=%%67%s\n' "$rest" >a.txt; try
printf 'u=https://h/p?%%zz%%%%=%%67%%68%%70%%5f%s&more=1\n' "${token#ghp_}" >b.txt; try
