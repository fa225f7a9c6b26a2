# Sourced by tools/release.sh and tests/surfaces/notices.sh.
# dpkg_owner FILE: prints the Debian package that owns FILE (followed through symlinks), or
# nothing. Debian merges /lib into /usr/lib, so dpkg is asked for either spelling.
dpkg_owner() {
  local real owner
  real=$(readlink -f "$1")
  owner=$(dpkg -S "$real" 2>/dev/null || dpkg -S "/usr$real" 2>/dev/null ||
    dpkg -S "${real#/usr}" 2>/dev/null || true)
  printf '%s' "${owner%%:*}"
}
