#!/usr/bin/env bash
# The packages CPack makes from a build tree (cmake/Install.cmake), unpacked and run:
#   .deb     Depends comes from the real shared libraries of the binary and its HTTP module
#            (dpkg-shlibdeps): the libraries linked statically are not in it, cpp-httplib is;
#            unpacked, /usr/bin/riskgate prints its version, blocks a staged secret and loads
#            /usr/lib/riskgate/libriskgate_http.so; the man page, licence, notices and default
#            policy are where the layout says;
#   .tar.gz  one top folder with bin/riskgate, which runs, and share/doc/riskgate/LICENSE.
# Everything is written inside a temporary folder.
#
#   tests/surfaces/package.sh BUILD_DIR
set -euo pipefail
build=$(cd "${1:?usage: package.sh BUILD_DIR}" && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps git; do
  command -v "$tool" >/dev/null || { echo "package.sh: $tool is missing (tools/deps.sh installs it)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "package.sh: $*" >&2; status=1; }
# shellcheck source=repos.sh
. "$(dirname "${BASH_SOURCE[0]}")/repos.sh"

(cd "$build" && cpack --config CPackConfig.cmake -B "$work/out" -G "DEB;TGZ") >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; echo "package.sh: cpack failed" >&2; exit 1; }
deb=$(ls "$work"/out/*.deb 2>/dev/null | head -1)
tgz=$(ls "$work"/out/*.tar.gz 2>/dev/null | head -1)
[ -f "$deb" ] || { echo "package.sh: no .deb was made" >&2; exit 1; }
[ -f "$tgz" ] || { echo "package.sh: no .tar.gz was made" >&2; exit 1; }

depends=$(dpkg-deb -f "$deb" Depends)
depends_on() {
  case ", $depends" in *", $1 "* | *", $1,"* | *", $1"|*", $1") return 0 ;; esac
  return 1
}
for library in libc6 libcpp-httplib0.11; do
  depends_on "$library" || fail ".deb Depends lacks $library: $depends"
done
if [ -s "$build/static-archives.txt" ]; then
  for library in libgit2-1.5 libre2-9 libyaml-cpp0.7 libhyperscan5; do
    ! depends_on "$library" || fail ".deb Depends names $library, which is linked statically: $depends"
  done
fi
dpkg-deb -x "$deb" "$work/root"
for file in usr/bin/riskgate usr/lib/riskgate/libriskgate_http.so usr/share/doc/riskgate/LICENSE usr/share/doc/riskgate/THIRD_PARTY_NOTICES.md \
    usr/share/riskgate/policies/default.yaml usr/share/man/man1/riskgate.1 \
    usr/share/bash-completion/completions/riskgate usr/share/zsh/vendor-completions/_riskgate \
    usr/share/fish/vendor_completions.d/riskgate.fish; do
  [ -e "$work/root/$file" ] || fail ".deb lacks /$file"
done
binary=$work/root/usr/bin/riskgate
"$binary" --version | grep -q "^riskgate [0-9]" || fail "the packaged riskgate does not print its version"

# A blocking check with the packaged binary: a staged AWS access key id (assembled here).
repo=$work/repo
surface_git_env "$work/home"
make_secret_repo "$repo"
set +e
(cd "$repo" && "$binary" check --staged) >"$work/check.out" 2>&1
code=$?
set -e
[ "$code" -eq 1 ] && grep -q "BLOCK settings.ini:1" "$work/check.out" ||
  { cat "$work/check.out" >&2; fail "the packaged riskgate did not block a staged secret (exit $code)"; }

# The packaged binary loads its packaged HTTP module: a forge API on a closed port is refused by
# the HTTP client itself (not "module missing").
forge=$work/forge
make_forge_repo "$forge" 0
set +e
(cd "$forge" && "$binary" check --base HEAD~1 --pr 1 --forge-project o/r) >"$work/forge.out" 2>&1
code=$?
set -e
[ "$code" -eq 2 ] && grep -q "failed after 1 attempt: Connection" "$work/forge.out" ||
  { cat "$work/forge.out" >&2; fail "the packaged riskgate did not load its HTTP module (exit $code)"; }

mkdir -p "$work/tar"
tar -xzf "$tgz" -C "$work/tar"
top=$(ls "$work/tar")
[ "$(echo "$top" | wc -l)" -eq 1 ] || fail "the archive has more than one top folder: $top"
"$work/tar/$top/bin/riskgate" --version | grep -q "^riskgate [0-9]" || fail "the archive's riskgate does not run"
[ -f "$work/tar/$top/share/doc/riskgate/LICENSE" ] || fail "the archive lacks share/doc/riskgate/LICENSE"
[ -f "$work/tar/$top/lib/riskgate/libriskgate_http.so" ] || fail "the archive lacks lib/riskgate/libriskgate_http.so"

[ $status -eq 0 ] && echo "$(basename "$deb") (Depends: $depends) and $(basename "$tgz") install and run"
exit $status
