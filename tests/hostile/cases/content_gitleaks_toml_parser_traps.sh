# attack: a .gitleaks.toml written to reach toml++ 3.3.0's undefined behaviour (a table header whose key starts with '\', a non-ASCII character where whitespace is checked) so the gate crashes or misreads the config while a token rides along
# surface: range, worktree
# expect: block (the base's config judges the range), error naming the file (the worktree's own config), never a crash
gitleaks_base_repo
token=$(fake_github_token)
plant "$token"
for trap_text in $'[[\\rules]]' $'[[rules]]\xc2\xa1' $'title \xc3\xa9= "x"' $'[[rules]] \xef\xbb\xa5'; do
  git reset -q --hard "$base"
  write .gitleaks.toml "$trap_text" 'id = "gh-pat"' "regex = '''x'''"
  write deploy.env "TOKEN=$token"
  commit 'a config toml++ trips over, and a token'
  gate block check --base "$base"
  gate error check --worktree
  expect_in_output '.gitleaks.toml:1'
  expect_in_output 'TOML syntax error'
done
