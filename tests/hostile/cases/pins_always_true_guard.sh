# attack: a deploy job's guard is written as an `if: |` block, whose trailing newline makes it a string that is always true, so the job meant for main runs on every branch while the condition reads as safe
# surface: range
# expect: block
base_repo
write .github/workflows/deploy.yml 'on: push' 'permissions: {}' 'jobs:' '  deploy:' '    if: |' "      \${{ github.ref == 'refs/heads/main' }}" '    runs-on: ubuntu-latest' '    steps:' '      - run: ./deploy'
commit "guarded deploy"
gate block check --base "$base" --head HEAD
expect_in_output 'unsound-condition'
