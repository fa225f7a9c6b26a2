# riskgate's container image. Build: docker build -t riskgate .   Run, in a repository:
#   docker run --rm -v "$PWD:/src" riskgate check --staged
# The build stage makes the release .deb exactly as the release workflow does (tools/deps.sh
# --release, tools/release.sh); the runtime stage installs it on debian:bookworm-slim with
# tools/image_runtime.sh (also run by tests/surfaces/minimal_root.sh): user riskgate (10001), no
# compiler, /src trusted as a safe.directory. Base images are pinned by digest (the multi-arch
# index of Debian's dated tag, from docker-library/repo-info), so a rebuild takes the same bases.
FROM debian:bookworm-20260918@sha256:f37a335e82bca302e955fa39f9dfe28f1be618f016f8a2b56318e5a5111afc26 AS build
WORKDIR /riskgate
COPY tools/deps.sh tools/deps.sh
RUN tools/deps.sh --release && rm -rf /var/lib/apt/lists/*
COPY . .
RUN tools/release.sh /dist && mv /dist/riskgate_*.deb /dist/riskgate.deb

FROM debian:bookworm-20260918-slim@sha256:3783cc01769c7b2b1b83a5c5ad96c815348e28ed7da68e2e3687004faa906251
COPY --from=build /dist/riskgate.deb /tmp/riskgate.deb
COPY tools/image_runtime.sh /tmp/image_runtime.sh
RUN /tmp/image_runtime.sh /tmp/riskgate.deb && rm /tmp/riskgate.deb /tmp/image_runtime.sh
USER 10001:10001
WORKDIR /src
ENTRYPOINT ["riskgate"]
CMD ["check"]
