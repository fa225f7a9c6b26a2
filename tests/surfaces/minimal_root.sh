#!/usr/bin/env bash
# The release artifacts (tools/release.sh, from this build tree) on machines that have none of
# the build's libraries: fresh Debian minimal roots (debootstrap --variant=minbase: no compiler,
# no -dev package, no cpp-httplib, no OpenSSL library), one per suite in
# RISKGATE_MINIMAL_ROOT_SUITES (default "bookworm trixie": Debian 12, glibc 2.36, and Debian 13,
# glibc 2.41). In each, chrooted:
#   the portable archive, unpacked in /opt: --version, a blocking staged check, and a forge call
#     that reaches the HTTP client (the module and its bundled libraries load);
#   bookworm only: the .deb, installed by tools/image_runtime.sh (the container image's runtime
#     stage: apt resolves its Depends from Debian's archive), does the same from /usr/bin; then,
#     as the image's user riskgate (10001), it blocks in a /src owned by another user and refuses
#     that repository elsewhere (libgit2's safe.directory check); and the README's two commands
#     after the package install, `riskgate install-hook` and `git commit`, stop a staged secret.
# Needs root, debootstrap and Debian's archive (the machines' package registry); reports itself
# skipped otherwise. Everything is written inside a temporary folder.
#
#   tests/surfaces/minimal_root.sh BUILD_DIR
set -euo pipefail
root_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$(cd "${1:?usage: minimal_root.sh BUILD_DIR}" && pwd)
mirror=${RISKGATE_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suites=${RISKGATE_MINIMAL_ROOT_SUITES:-bookworm trixie}
skip() { echo "minimal_root.sh: $* (RISKGATE_TEST_SKIPPED)"; exit 0; }
[ "$(id -u)" -eq 0 ] || skip "not root: cannot chroot"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (tools/deps.sh installs it)"
work=$(mktemp -d)
mounts=()
cleanup() {
  local m
  for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
status=0
fail() { echo "minimal_root.sh: $*" >&2; status=1; }
# shellcheck source=repos.sh
. "$(dirname "${BASH_SOURCE[0]}")/repos.sh"

bash "$root_dir/tools/release.sh" --from-build "$build" "$work/release" >"$work/release.log" 2>&1 ||
  { cat "$work/release.log" >&2; echo "minimal_root.sh: tools/release.sh failed" >&2; exit 1; }
(cd "$work/release" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS does not match the artifacts"
deb=$(ls "$work"/release/*.deb)
tarball=$(ls "$work"/release/*.tar.gz)
top=$(basename "$tarball" .tar.gz)

# The repositories live in the root's /repos (tests/surfaces/repos.sh): a staged secret and a forge call.
make_repos() {
  surface_git_env "$work/home"
  make_secret_repo "$1/secret"
  make_forge_repo "$1/forge" 0
}

# judge ROOT SUITE BINARY-IN-ROOT LABEL
judge() {
  local root=$1 suite=$2 binary=$3 label=$4 code
  # in_root CODE TEXT WHAT -- COMMAND: COMMAND, run in the root from /repos, exits CODE and says TEXT.
  in_root() {
    local want=$1 text=$2 what=$3
    shift 4
    set +e
    chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
      sh -c "cd /repos/$*" >"$work/out" 2>&1
    code=$?
    set -e
    [ "$code" -eq "$want" ] && grep -q -- "$text" "$work/out" ||
      { cat "$work/out" >&2; fail "$suite $label: $what (exit $code)"; }
  }
  in_root 0 "^riskgate [0-9]" "--version did not run" -- "secret && $binary --version"
  in_root 1 "BLOCK settings.ini:1" "a staged secret was not blocked" -- "secret && $binary check --staged"
  in_root 2 "failed after 1 attempt: Connection" "the HTTP module did not load" -- \
    "forge && $binary check --base HEAD~1 --pr 1 --forge-project o/r"
  echo "$suite $label: --version, a blocking check and a forge call work"
}

# readme_hook ROOT: the README's "from nothing to a blocking pre-commit hook" after the package
# install: `riskgate install-hook`, then `git commit` of a staged secret is stopped by the hook.
readme_hook() {
  local root=$1 code
  if ! chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c 'apt-get update -qq && apt-get install -y -qq --no-install-recommends git' >"$work/git.log" 2>&1; then
    tail -5 "$work/git.log" >&2
    fail "bookworm: apt could not install git for the hook"
    return
  fi
  set +e
  chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root LANG=C.UTF-8 sh -c \
    'cd /repos/secret && riskgate install-hook && git -c user.name=A -c user.email=a@example.com commit -qm add' \
    >"$work/out" 2>&1
  code=$?
  set -e
  if [ "$code" -eq 0 ] || ! grep -q "BLOCK settings.ini:1" "$work/out" ||
    chroot "$root" git -C /repos/secret rev-parse -q --verify HEAD >/dev/null; then
    cat "$work/out" >&2
    fail "bookworm: riskgate install-hook did not make git commit stop a staged secret (exit $code)"
  else
    echo "bookworm .deb: riskgate install-hook, then git commit of a secret is blocked"
  fi
}

# image_user ROOT: the container image's runtime (tools/image_runtime.sh, run in ROOT above) as the
# image runs it: user riskgate (10001) judging a repository owned by another user, mounted at
# /src, which /etc/gitconfig trusts; the same repository anywhere else is refused by libgit2's
# ownership check (the control: without it the first check proves nothing).
image_user() {
  local root=$1 code
  cp -a "$root/repos/secret/." "$root/src/"
  chown -R 4242:4242 "$root/src" "$root/repos/secret"
  as_image_user() {
    set +e
    chroot --userspec=10001:10001 "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/riskgate \
      LANG=C.UTF-8 sh -c "cd $1 && riskgate check --staged" >"$work/out" 2>&1
    code=$?
    set -e
  }
  as_image_user /src
  [ "$code" -eq 1 ] && grep -q "BLOCK settings.ini:1" "$work/out" ||
    { cat "$work/out" >&2; fail "image runtime: user 10001 did not block the secret in /src (exit $code)"; }
  as_image_user /repos/secret
  [ "$code" -eq 2 ] && grep -q "safe.directory" "$work/out" ||
    { cat "$work/out" >&2; fail "image runtime: another user's repository outside /src was not refused (exit $code)"; }
  getent_user=$(chroot "$root" getent passwd riskgate || true)
  [[ $getent_user == riskgate:x:10001:10001:* ]] || fail "image runtime: no user riskgate with uid 10001: $getent_user"
  echo "image runtime: user 10001 blocks in /src (trusted), refuses another user's repository elsewhere"
}

for suite in $suites; do
  root=$work/$suite
  debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap-$suite.log" 2>&1 || {
    tail -5 "$work/debootstrap-$suite.log" >&2
    skip "debootstrap $suite from $mirror failed (no network to Debian's archive?)"
  }
  for absent in usr/bin/g++ usr/bin/cc usr/include/git2.h; do
    [ ! -e "$root/$absent" ] || fail "$suite: the minimal root has /$absent"
  done
  ! ls "$root"/usr/lib/*/libcpp-httplib.so* "$root"/usr/lib/*/libssl.so* >/dev/null 2>&1 ||
    fail "$suite: the minimal root already has cpp-httplib or libssl"
  mount -t proc proc "$root/proc" && mounts+=("$root/proc")
  make_repos "$root/repos"
  tar -xzf "$tarball" -C "$root/opt"
  judge "$root" "$suite" "/opt/$top/bin/riskgate" "portable archive"
  if [ "$suite" = bookworm ]; then
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    cp "$deb" "$root/tmp/riskgate.deb"
    cp "$root_dir/tools/image_runtime.sh" "$root/tmp/image_runtime.sh"
    if chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin /tmp/image_runtime.sh /tmp/riskgate.deb \
      >"$work/apt.log" 2>&1; then
      judge "$root" "$suite" /usr/bin/riskgate ".deb"
      readme_hook "$root"
      image_user "$root"
    else
      tail -20 "$work/apt.log" >&2
      fail "$suite: tools/image_runtime.sh could not install the .deb"
    fi
  fi
done
exit $status
