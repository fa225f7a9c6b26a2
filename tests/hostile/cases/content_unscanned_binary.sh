# attack: the token sits in a binary (NUL-bearing) or oversized file that is skipped, so the run passes
# surface: range (CI), staged, history
# expect: block
base_repo
token=$(fake_github_token)
plant "$token"
printf '\001\000token=%s\n' "$token" >payload.bin
commit "binary"
# a CI range run blocks what it cannot scan; locally it warns
CI=true gate block check --base "$base" --head HEAD
gate pass check --base "$base" --head HEAD
write .riskgate.yaml 'version: 1' 'limits: {on_unscanned: block}'
commit "policy"
gate block history
write big.txt "token=$token"
head -c 5000 /dev/zero | tr '\0' 'a' >>big.txt
git add -A
gate block check --staged --max-file-size 100
