#!/usr/bin/env bash
# The release build where the build machine is not Debian 12 (a GitHub runner): a fresh Debian 12
# minimal root (debootstrap minbase), the checkout cloned into it, then inside it
# `tools/deps.sh --release` and `tools/release.sh /out`; the artifacts land in OUT_DIR. The
# binary is built against Debian 12's libraries whatever the host is. Needs root and debootstrap.
#
#   sudo tools/release_in_debian.sh OUT_DIR     (RISKGATE_DEBIAN_MIRROR overrides the mirror)
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:?usage: tools/release_in_debian.sh OUT_DIR}
mirror=${RISKGATE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
[ "$(id -u)" -eq 0 ] || { echo "release_in_debian.sh: run it as root (chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "release_in_debian.sh: install debootstrap" >&2; exit 2; }
work=$(mktemp -d)
root=$work/bookworm
mounted=
cleanup() {
  [ -z "$mounted" ] || umount -l "$root/proc" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

debootstrap --variant=minbase --include=ca-certificates,git bookworm "$root" "$mirror" \
  >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
mount -t proc proc "$root/proc" && mounted=1
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The commit as it is (a clone, not the working tree: nothing uncommitted goes into a release).
git clone -q --no-hardlinks "$repo" "$root/src"
git -C "$root/src" checkout -q "$(git -C "$repo" rev-parse HEAD)"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive SOURCE_DATE_EPOCH="$(git -C "$repo" log -1 --format=%ct)" \
  sh -c 'cd /src && tools/deps.sh --release && tools/release.sh /out'
mkdir -p "$out"
cp "$root"/out/* "$out/"
(cd "$out" && sha256sum -c SHA256SUMS)
