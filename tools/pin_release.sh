#!/usr/bin/env bash
# Pins a published release's archives in the Action (action/releases.sha256), so that
# action/install.sh downloads them instead of building from source:
#
#   gh release download v0.1.0 --pattern SHA256SUMS --dir /tmp/v0.1.0
#   gh attestation verify --repo your-org/riskgate /tmp/v0.1.0/...   # each archive, or the sums
#   tools/pin_release.sh /tmp/v0.1.0/SHA256SUMS
#   git commit -m "Pin riskgate 0.1.0's release archives in the Action" action/releases.sha256
#
# Takes the portable archives' lines (riskgate-<version>-linux-<arch>.tar.gz) of SHA256SUMS;
# refuses a line that would change an existing pin (a published archive never changes) and any
# malformed line. Writes the manifest atomically, sorted.
#   tools/pin_release.sh [--manifest FILE] SHA256SUMS
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
manifest=$root/action/releases.sha256
if [ "${1:-}" = --manifest ]; then
  manifest=${2:?--manifest needs a file}
  shift 2
fi
sums=${1:?usage: tools/pin_release.sh [--manifest FILE] SHA256SUMS}
line_re='^[0-9a-f]{64}  riskgate-[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?-linux-(x86_64|aarch64)\.tar\.gz$'
work=$(mktemp "$manifest.XXXXXX")
trap 'rm -f "$work"' EXIT
if [ -f "$manifest" ]; then grep -E '^[[:space:]]*(#|$)' "$manifest" >"$work" || true; fi
declare -A pins=()
status=0
read_pins() { # FILE ONLY_ARCHIVES
  local number=0 line
  while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    if ! [[ $line =~ $line_re ]]; then
      # SHA256SUMS also lists the .deb packages: skip those, refuse anything else.
      [ "$2" = archives ] && [[ $line =~ ^[0-9a-f]{64}\ \ riskgate_[^/[:space:]]+\.deb$ ]] && continue
      echo "pin_release.sh: $1:$number: not a '<sha256>  riskgate-<version>-linux-<arch>.tar.gz' line" >&2
      status=2
      continue
    fi
    local sum=${line%%  *} file=${line#*  }
    if [ -n "${pins[$file]:-}" ] && [ "${pins[$file]}" != "$sum" ]; then
      echo "pin_release.sh: $1:$number: $file is pinned to ${pins[$file]}; refusing to change it to $sum" >&2
      status=2
    fi
    pins[$file]=$sum
  done <"$1"
}
[ ! -f "$manifest" ] || read_pins "$manifest" manifest
before=${#pins[@]}
read_pins "$sums" archives
[ "$status" -eq 0 ] || exit 2
if [ "${#pins[@]}" -eq "$before" ]; then
  echo "pin_release.sh: $manifest already pins every archive of $sums"
  exit 0
fi
for file in "${!pins[@]}"; do printf '%s  %s\n' "${pins[$file]}" "$file"; done | sort -k2,2V >>"$work"
chmod 0644 "$work"
mv -f "$work" "$manifest"
trap - EXIT
echo "pin_release.sh: $manifest pins $(grep -c '^[0-9a-f]' "$manifest") archives"
