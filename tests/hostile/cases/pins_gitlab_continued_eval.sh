# attack: a GitLab job evals the merge request's title, but the eval and its argument are split over two lines with a backslash, so a check that reads one line at a time sees `eval \` alone and the title as a plain argument
# surface: range
# expect: block
base_repo
write .gitlab-ci.yml 'notify:' '  script:' '    - |' '      echo start' '      eval \' '        "notify $CI_MERGE_REQUEST_TITLE"'
commit "notify"
gate block check --base "$base" --head HEAD
expect_in_output 'script-injection'
expect_in_output 'CI_MERGE_REQUEST_TITLE'
