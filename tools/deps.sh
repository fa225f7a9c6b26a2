#!/usr/bin/env bash
# Installs the Debian 12 packages riskgate builds and tests with, when any is missing.
set -euo pipefail
packages=(cmake ninja-build pkg-config g++ git libgit2-dev libre2-dev libyaml-cpp-dev
          libcpp-httplib-dev libssl-dev catch2 libtomlplusplus-dev libcli11-dev
          nlohmann-json3-dev libexpected-dev zlib1g-dev clang-format pre-commit libxml2-utils
          python3-yaml python3-jsonschema help2man dpkg-dev debootstrap
          clang-14 libclang-rt-14-dev openssl ca-certificates ccache)
# Hyperscan, the secrets prefilter's fast engine, exists for amd64 only; elsewhere riskgate
# builds with its own Aho-Corasick automaton.
[ "$(dpkg --print-architecture)" = amd64 ] && packages+=(libhyperscan-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The SARIF validator used by the tests is installed from npm; any Node.js with npm will do.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
