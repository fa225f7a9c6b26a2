# Sourced by the test tools that run a program from npm (validate_sarif.sh, gitlab_ci_local.sh).
#   npm_tool_install PACKAGE VERSION
# installs PACKAGE@VERSION once into ${RISKGATE_TOOLS_CACHE:-$HOME/.cache/riskgate-test-tools}
# (outside the tree; a fresh folder renamed into place, so an interrupted download never looks
# installed) and sets npm_tool_prefix to its folder. Exits 2 when it cannot (no npm, no registry).

npm_tool_die() { echo "$(basename "$0"): $*" >&2; exit 2; }

npm_tool_install() {
  local package=$1 version=$2 cache staging
  cache=${RISKGATE_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/riskgate-test-tools}
  npm_tool_prefix=$cache/${package##*/}-$version
  [ -f "$npm_tool_prefix/.installed" ] && return 0
  command -v node >/dev/null || npm_tool_die "node is not installed (Debian: apt-get install nodejs npm)"
  command -v npm >/dev/null || npm_tool_die "npm is not installed (Debian: apt-get install npm)"
  mkdir -p "$cache"
  staging=$(mktemp -d "$cache/.install.XXXXXX")
  echo "$(basename "$0"): installing $package@$version into $npm_tool_prefix" >&2
  if ! npm install --prefix "$staging" --no-audit --no-fund --no-save --loglevel=error \
      "$package@$version" >&2; then
    rm -rf "$staging"
    npm_tool_die "npm install $package@$version failed (is the npm registry reachable?)"
  fi
  touch "$staging/.installed"
  [ -f "$npm_tool_prefix/.installed" ] || rm -rf "$npm_tool_prefix"  # a broken earlier install
  # mv -T fails when a concurrent run has just installed it: then use theirs.
  mv -T "$staging" "$npm_tool_prefix" 2>/dev/null || rm -rf "$staging"
  [ -f "$npm_tool_prefix/.installed" ] || npm_tool_die "the install of $package left nothing"
}
