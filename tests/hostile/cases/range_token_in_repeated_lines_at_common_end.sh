# attack: the token line is inserted among lines that repeat right where both versions' common ending starts (a closing brace, blank lines), hoping the line diff that leaves the common start and end out of xdiff, or its re-diff when xdiff would slide the run, reports a copy of a repeated line as added and not the token
# surface: range
# expect: block
base_repo
write app.conf 'server {' '  listen 80;' '}' '' '}' '' 'end'
commit 'app.conf'
base=$(git rev-parse HEAD)
token=$(fake_github_token)
plant "$token"
write app.conf 'server {' '  listen 80;' '}' '' "token $token" '}' '' '}' '' 'end'
commit 'tune'
gate block check --base "$base" --head HEAD --format json
expect_in_output 'github'
