#!/usr/bin/env bash
# Release artifacts for this machine's architecture, as the release workflow makes them:
#   riskgate_<version>_<debian arch>.deb            installs under /usr; Depends from
#                                                   dpkg-shlibdeps (glibc, libstdc++, cpp-httplib)
#   riskgate-<version>-linux-<arch>.tar.gz         portable: bin/riskgate, lib/riskgate/ with the
#                                                   HTTP module and the shared libraries it needs
#   SHA256SUMS                                      of both
#
# What the binary holds and what is bundled (printed at the end):
#   static in bin/riskgate: every archive in the build's static-archives.txt (libgit2 and what it
#     uses, RE2, yaml-cpp, Hyperscan, libcrypto, zlib, libstdc++): it needs glibc >= 2.34 only;
#   bundled in lib/riskgate/: cpp-httplib, OpenSSL, Brotli and zlib shared libraries, which the
#     HTTP module (forge API calls only) loads through its $ORIGIN rpath, with their copyright
#     files in share/doc/riskgate/bundled/. libstdc++ is not bundled: Debian 12's needs glibc 2.36,
#     so the module uses the host's (GCC 12 or later, as on Ubuntu 22.04 and Debian 12).
#
# Usage: tools/release.sh OUT_DIR               configure and build build/release, then package
#        tools/release.sh --from-build DIR OUT_DIR   package an existing build tree (the tests)
# SOURCE_DATE_EPOCH (default: the commit's time) fixes the archive's timestamps.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=dpkg_owner.sh
. "$root/tools/dpkg_owner.sh"
build=
if [ "${1:-}" = --from-build ]; then
  build=$(cd "${2:?--from-build needs a build directory}" && pwd)
  shift 2
fi
out=${1:?usage: tools/release.sh [--from-build BUILD_DIR] OUT_DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
for tool in cmake cpack dpkg-deb dpkg-shlibdeps dpkg-query sha256sum tar ldd; do
  command -v "$tool" >/dev/null || { echo "release.sh: $tool is missing (tools/deps.sh installs it)" >&2; exit 2; }
done

if [ -z "$build" ]; then
  build=$root/build/release
  # RelWithDebInfo (-O2 -g, stripped in the packages): the configuration CI builds with -Werror
  # and tests; g++ 12 at -O3 reports false -Wrestrict errors in libstdc++'s string code.
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRISKGATE_STATIC_DEPS=ON \
    -DRISKGATE_BUILD_TESTS=OFF -DRISKGATE_WERROR=ON >/dev/null
  cmake --build "$build" -j "$(nproc)"
fi
[ -x "$build/src/app/riskgate" ] && [ -f "$build/src/app/libriskgate_http.so" ] ||
  { echo "release.sh: $build has no riskgate and libriskgate_http.so" >&2; exit 2; }
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack --config CPackConfig.cmake -B "$work/cpack" -G "DEB;TGZ") >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; echo "release.sh: cpack failed" >&2; exit 1; }
deb=$(ls "$work"/cpack/*.deb)
tgz=$(ls "$work"/cpack/*.tar.gz)
version=$(dpkg-deb -f "$deb" Version)
arch=$(uname -m)

# The portable tree: the archive's one top folder, renamed, plus the module's libraries.
mkdir "$work/tree"
tar -xzf "$tgz" -C "$work/tree"
top=riskgate-$version-linux-$arch
mv "$work/tree/"* "$work/tree/$top"
tree=$work/tree/$top
module=$tree/lib/riskgate/libriskgate_http.so
[ -f "$module" ] || { echo "release.sh: the archive has no lib/riskgate/libriskgate_http.so" >&2; exit 1; }
bundled=()
while read -r library; do
  name=$(basename "$library")
  case $name in
    # glibc and GCC's runtime come from the host (see above).
    libc.so.* | libm.so.* | libdl.so.* | libpthread.so.* | librt.so.* | ld-linux*.so.* | \
    libstdc++.so.* | libgcc_s.so.*) continue ;;
  esac
  cp -L "$library" "$tree/lib/riskgate/$name"
  chmod 0644 "$tree/lib/riskgate/$name"
  owner=$(dpkg_owner "$library")
  [ -n "$owner" ] || { echo "release.sh: no Debian package owns $library: its licence is unknown" >&2; exit 1; }
  mkdir -p "$tree/share/doc/riskgate/bundled/$owner"
  cp "/usr/share/doc/$owner/copyright" "$tree/share/doc/riskgate/bundled/$owner/copyright"
  bundled+=("$name ($owner $(dpkg-query -W -f='${Version}' "$owner"))")
done < <(ldd "$module" | awk '$3 ~ /^\// {print $3}' | sort -u)
printf '%s\n' "${bundled[@]}" >"$tree/lib/riskgate/BUNDLED.txt"

# Reproducible archive: sorted names, fixed owner and times.
portable=$out/$top.tar.gz
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
  -C "$work/tree" -cf - "$top" | gzip -n -9 >"$portable.tmp"
mv "$portable.tmp" "$portable"
cp "$deb" "$out/$(basename "$deb").tmp"
mv "$out/$(basename "$deb").tmp" "$out/$(basename "$deb")"
(cd "$out" && sha256sum "$(basename "$deb")" "$(basename "$portable")" >SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS)

echo "release.sh: $out"
cat "$out/SHA256SUMS"
echo "static in bin/riskgate:"
sed 's/^/  /' "$build/static-archives.txt" 2>/dev/null || echo "  (none: RISKGATE_STATIC_DEPS=OFF)"
echo "bundled in lib/riskgate/ (loaded by the HTTP module only):"
printf '  %s\n' "${bundled[@]}"
echo "needs on the host: glibc >= $(objdump -T "$tree/bin/riskgate" 2>/dev/null | grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n | tail -1 | cut -d_ -f2) (bin/riskgate); libstdc++ from GCC 12+ (HTTP module)"
