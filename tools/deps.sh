#!/usr/bin/env bash
# Installs the Debian 12 packages riskgate builds and tests with, when any is missing.
#   tools/deps.sh               everything: build, tests, sanitizers, packaging
#   tools/deps.sh --build-only  what building the binary needs, no test tooling (the Action's and
#                               the GitLab job's build from source)
#   tools/deps.sh --release     the build, plus what tools/release.sh packages with
set -euo pipefail
mode=${1:-all}
case $mode in all | --build-only | --release) ;;
  *) echo "usage: tools/deps.sh [--build-only | --release]" >&2; exit 2 ;;
esac
packages=(cmake ninja-build pkg-config g++ git libgit2-dev libre2-dev libyaml-cpp-dev
          libcpp-httplib-dev libssl-dev libtomlplusplus-dev libcli11-dev nlohmann-json3-dev
          libexpected-dev zlib1g-dev libdeflate-dev libsqlite3-dev ca-certificates)
[ "$mode" = --build-only ] || packages+=(help2man dpkg-dev file)  # file: CPack's shlibdeps
[ "$mode" != all ] || packages+=(catch2 clang-format pre-commit libxml2-utils python3-yaml
                                 python3-jsonschema debootstrap zsh fish clang-14 libclang-rt-14-dev
                                 openssl ccache chromium sqlite3
                                 python3-prometheus-client cmark-gfm postgresql)
# Hyperscan, the secrets prefilter's fast engine, exists for amd64 only; elsewhere riskgate
# builds with its own Aho-Corasick automaton.
[ "$(dpkg --print-architecture)" = amd64 ] && packages+=(libhyperscan-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The SARIF validator used by the tests is installed from npm; any Node.js with npm will do.
[ "$mode" != all ] || command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
