# attack: a token or key in encodings and layouts meant to slip past a line scanner: UTF-16BE without BOM, UTF-32 with BOM, a UTF-8 BOM, lone-CR line ends, a 300 KB line, Latin-1 bytes around it, a key with CRLF ends, indented in YAML, escaped in JSON, in a .env with literal \n
# surface: staged
# expect: block (the gate holds today)
new_repo
write README.md 'hello'
commit base
token=$(fake_github_token)
plant "$token"
plant "$(fake_key_body | head -n1)"
try() { git add -A; gate block check --staged; git reset -q --hard; }
printf 'token=%s\n' "$token" | iconv -t UTF-16BE >a.txt; try
printf 'token=%s\n' "$token" | iconv -t UTF-32 >a.txt; try
printf '\xef\xbb\xbftoken=%s\n' "$token" >a.txt; try
printf 'a=1\rtoken=%s\r' "$token" >a.txt; try
{ head -c 300000 /dev/zero | tr '\0' a; printf ' token=%s\n' "$token"; } >a.txt; try
printf '\xe9\xe9 token=%s \xff\n' "$token" >a.txt; try
fake_private_key | sed 's/$/\r/' >k.pem; try
fake_private_key | sed 's/^/    /' >k.yml; try
printf '{"key": "%s"}\n' "$(fake_private_key | awk '{printf "%s\\n",$0}')" >k.json; try
printf 'PRIVATE_KEY="%s"\n' "$(fake_private_key | awk '{printf "%s\\n",$0}')" >.env; try
