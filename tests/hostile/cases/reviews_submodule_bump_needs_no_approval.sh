# attack: the change only re-points a submodule (vendor/lib, owned in CODEOWNERS) at another commit, the attacker's; nobody approves it
# surface: range (CI), reviews control (min_approvals, CODEOWNERS)
# expect: block (approvals-missing and code-owner-approval-missing for vendor/lib), as for any other change to an owned path
new_repo sub
write lib.c 'int check(void) { return verify(); }'
commit reviewed
reviewed=$(git rev-parse HEAD)
write lib.c 'int check(void) { return 1; }'
commit backdoor
backdoor=$(git rev-parse HEAD)
new_repo
write .riskgate.yaml 'version: 1' 'controls:' '  reviews:' '    source: trailers' '    min_approvals: 1'
write CODEOWNERS '/vendor/ alice@example.com'
write README.md 'hello'
git add -A
git update-index --add --cacheinfo "160000,$reviewed,vendor/lib"
git commit -q --no-verify -m base
base=$(git rev-parse HEAD)
export CI=true
# The sanctioned comparison: an unapproved edit of an owned file blocks.
write vendor/NOTICE 'changed'
commit 'edit an owned file'
gate block check --base "$base" --head HEAD
expect_in_output 'code-owner-approval-missing'
# The same change of ownership, as a submodule pointer, must block just the same.
git reset -q --hard "$base"
git update-index --cacheinfo "160000,$backdoor,vendor/lib"
git commit -q --no-verify -m 'bump vendor/lib'
gate block check --base "$base" --head HEAD
expect_in_output 'vendor/lib'
