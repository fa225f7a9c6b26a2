#!/usr/bin/env bash
# The runtime of riskgate's container image, set up as root in a Debian 12 system (the
# Dockerfile's last stage runs it in debian:bookworm-slim; tests/surfaces/minimal_root.sh runs it
# in a fresh debootstrap root and judges a repository there as the image's user):
#   - the .deb, installed by apt (its Depends from Debian's archive), and CA certificates for the
#     forge API; apt's lists removed;
#   - the user riskgate (uid/gid 10001, no login shell) the image runs as;
#   - /src, where the repository is mounted, trusted in /etc/gitconfig ([safe] directory): the
#     mounted checkout belongs to the host's user, and libgit2, like git, refuses a repository
#     owned by someone else unless safe.directory names it.
#   tools/image_runtime.sh RISKGATE_DEB
set -euo pipefail
deb=${1:?usage: tools/image_runtime.sh RISKGATE_DEB}
[ "$(id -u)" -eq 0 ] || { echo "image_runtime.sh: run it as root" >&2; exit 2; }
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" ca-certificates
rm -rf /var/lib/apt/lists/*
getent group riskgate >/dev/null || groupadd --system --gid 10001 riskgate
getent passwd riskgate >/dev/null ||
  useradd --system --uid 10001 --gid 10001 --create-home --home-dir /home/riskgate \
    --shell /usr/sbin/nologin riskgate
grep -qxF $'\tdirectory = /src' /etc/gitconfig 2>/dev/null || printf '[safe]\n\tdirectory = /src\n' >>/etc/gitconfig
mkdir -p /src
riskgate --version
