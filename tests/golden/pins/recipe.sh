# A range adding a GitHub workflow (a third party's action on a tag, a trusted owner's on a tag,
# one pinned to a SHA), a Dockerfile FROM a tag, and a GitLab include of another project's branch.
printf 'app\n' > README.md
git add -A && git commit -qm base && git tag base
mkdir -p .github/workflows
cat > .github/workflows/ci.yml <<'YAML'
name: ci
on: [push]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: someone/setup-tool@v1
      - uses: actions/cache@0c45773b623bea8c8e75f6c82b208c3cf94ea4f9 # v4.0.2
      - run: make test
YAML
cat > Dockerfile <<'DOCKER'
FROM node:20
COPY . /app
DOCKER
cat > .gitlab-ci.yml <<'YAML'
include:
  - project: acme/ci-templates
    ref: main
    file: /build.yml
test:
  image: alpine@sha256:c5b1261d6d3e43071626931fc004f70149baeba2c8ec672bd4f27761f8e1ad6b
  script: [make test]
YAML
git add -A && git commit -qm "ci: workflow, image and templates"
