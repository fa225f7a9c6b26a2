#!/usr/bin/env bash
# Puts riskgate on the runner for the GitHub Action's gate step and the GitLab job:
#   1. the release archive for this runner (Linux x86_64 or aarch64, glibc >= 2.34), downloaded
#      once, checked against the SHA-256 this action pins for that version in
#      action/releases.sha256, kept in a cache and checked again on every use;
#   2. only where no archive matches (this tree's own version is not pinned yet, RISKGATE_VERSION
#      is "source", or the system is not glibc 2.34+): a build of this action's own source, with a
#      notice, after installing build dependencies only (tools/deps.sh --build-only);
#   3. on any other operating system or architecture, nothing: exit 2 at once, naming the runners
#      riskgate supports. A failed download or a checksum that differs is exit 2 too, never a
#      silent fallback to anything else.
#
# Environment (every value is checked before use):
#   RISKGATE_VERSION      "" (this tree's own version), X.Y.Z (a pinned release) or "source"
#   RISKGATE_RELEASE_URL  where release archives are, with {version} and {file} placeholders;
#                         default: this action's GitHub releases
#                         ($GITHUB_SERVER_URL/$GITHUB_ACTION_REPOSITORY/releases/download/v{version}/{file}),
#                         in GitLab CI the releases of RISKGATE_REPO_URL's project. https only
#                         (plain http to 127.0.0.1 or localhost only).
#   RISKGATE_INSTALL_DIR  where bin/riskgate is put (default $RUNNER_TEMP/riskgate)
#   RISKGATE_CACHE_DIR    where verified archives are kept (default $RUNNER_TOOL_CACHE/riskgate,
#                         else ~/.cache/riskgate)
#   RUNNER_OS/RUNNER_ARCH GitHub's runner names (otherwise uname); CI_SERVER_URL, CI_JOB_TOKEN: in
#                         GitLab CI the job token is sent only to that instance, never along a
#                         redirect, and never printed.
# Writes RISKGATE_BIN to $GITHUB_ENV and the bin folder to $GITHUB_PATH when those are set, and
# prints RISKGATE_BIN=<path> as its last line.
#   action/install.sh [--plan]     --plan: print what would be done, download and build nothing
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
manifest=$root/action/releases.sha256
plan_only=false
[ "${1:-}" = --plan ] && plan_only=true

# workflow_command KIND MESSAGE: a workflow command on one line, whatever MESSAGE holds (GitHub's escapes).
workflow_command() {
  local message=${2//%/%25}
  message=${message//$'\r'/%0D}
  message=${message//$'\n'/%0A}
  [ -z "${GITHUB_ACTIONS:-}" ] || echo "::$1 title=riskgate install::$message"
}
# one_line TEXT: TEXT with its line breaks written as \n (a value may come from anywhere).
one_line() {
  local text=${1//$'\r'/\\r}
  printf '%s' "${text//$'\n'/\\n}"
}
die() {
  echo "riskgate: error: $(one_line "$*")" >&2
  workflow_command error "$*"
  exit 2
}
notice() {
  echo "riskgate: $(one_line "$*")" >&2
  workflow_command notice "$*"
}

# --- the runner -------------------------------------------------------------------------------
supported="Linux x86_64 and Linux aarch64 with glibc 2.34 or later (GitHub: ubuntu-22.04, ubuntu-24.04, ubuntu-24.04-arm or a self-hosted Linux runner; GitLab: a Linux runner, e.g. the debian:12 image)"
os=${RUNNER_OS:-$(uname -s)}
arch=${RUNNER_ARCH:-$(uname -m)}
case $os in Linux | linux) os=linux ;; *) die "riskgate does not run on this runner ($os $arch); it supports $supported" ;; esac
case $arch in
  X64 | x86_64 | amd64) arch=x86_64 ;;
  ARM64 | aarch64 | arm64) arch=aarch64 ;;
  *) die "riskgate does not run on this runner ($os $arch); it supports $supported" ;;
esac
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null || true) # "glibc 2.36"
glibc_ok=false
if [[ $glibc =~ ^glibc\ ([0-9]+)\.([0-9]+) ]]; then
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]}
  { [ "$major" -gt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -ge 34 ]; }; } && glibc_ok=true
fi

# --- the version ------------------------------------------------------------------------------
own=$(sed -n 's/^project(riskgate VERSION \([0-9][0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[ -n "$own" ] || die "$root/CMakeLists.txt names no project(riskgate VERSION ...)"
requested=${RISKGATE_VERSION:-}
requested=${requested#v}
[ -z "$requested" ] || [ "$requested" = source ] || [[ $requested =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.]+)?$ ]] ||
  die "version '${RISKGATE_VERSION}' is not a release version (X.Y.Z), empty (this action's own, $own) or 'source'"
version=${requested:-$own}
[ "$version" = source ] && version=$own
file=riskgate-$version-linux-$arch.tar.gz

# pinned FILE: the checksum action/releases.sha256 pins for FILE (nothing if none; exit 2 when
# the manifest is malformed or pins FILE twice).
pinned() {
  [ -f "$manifest" ] || return 0
  local line number=0 found=
  while IFS= read -r line || [ -n "$line" ]; do
    number=$((number + 1))
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    [[ $line =~ ^([0-9a-f]{64})\ \ (riskgate-[0-9A-Za-z.-]+-linux-(x86_64|aarch64)\.tar\.gz)$ ]] ||
      { echo "$manifest:$number: not a '<sha256>  riskgate-<version>-linux-<arch>.tar.gz' line" >&2; return 2; }
    [ "${BASH_REMATCH[2]}" = "$1" ] || continue
    [ -z "$found" ] || { echo "$manifest:$number: pins $1 a second time" >&2; return 2; }
    found=${BASH_REMATCH[1]}
  done <"$manifest"
  echo "$found"
}
pinned_versions() {
  [ -f "$manifest" ] || return 0
  sed -n "s/^[0-9a-f]\{64\}  riskgate-\(.*\)-linux-$arch\.tar\.gz\$/\1/p" "$manifest" | sort -uV | paste -sd' ' -
}
sum=$(pinned "$file") || die "$manifest is malformed (see above)"

mode=download
reason=
if [ "$requested" = source ]; then
  mode=build reason="RISKGATE_VERSION is 'source'"
elif ! $glibc_ok; then
  [ -z "$requested" ] || [ "$requested" = "$own" ] ||
    die "riskgate $version's release archive needs glibc 2.34 or later (this system: ${glibc:-not glibc}), and this action can build only its own version, $own"
  mode=build reason="release archives need glibc 2.34 or later; this system has ${glibc:-no glibc}"
elif [ -z "$sum" ]; then
  [ -z "$requested" ] || [ "$requested" = "$own" ] ||
    die "this action pins no checksum for riskgate $version on $arch (pinned: $(pinned_versions | sed 's/^$/none/')); use an action commit that pins it, or leave the version empty for this action's own ($own)"
  mode=build reason="this action pins no release archive of its own version, $own, for $arch"
fi

install_dir=${RISKGATE_INSTALL_DIR:-${RUNNER_TEMP:-/tmp}/riskgate}
# It is replaced whole: an absolute folder of its own, never / or a system folder.
[[ $install_dir == /*/* && $install_dir != *"/.."* ]] ||
  die "the install folder must be an absolute path at least two levels deep: $install_dir"
cache_dir=${RISKGATE_CACHE_DIR:-${RUNNER_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}}/riskgate}

# The release URL, from the trusted side only (the workflow's or pipeline's own settings).
url_template=${RISKGATE_RELEASE_URL:-}
if [ -z "$url_template" ]; then
  if [ -n "${GITHUB_ACTION_REPOSITORY:-}" ]; then
    url_template="${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_ACTION_REPOSITORY/releases/download/v{version}/{file}"
  elif [ -n "${GITLAB_CI:-}" ] && [ -n "${RISKGATE_REPO_URL:-}" ]; then
    url_template="${RISKGATE_REPO_URL%.git}/-/releases/v{version}/downloads/{file}"
  fi
fi
url=${url_template//\{version\}/$version}
url=${url//\{file\}/$file}
# What messages show of it: credentials a mirror URL may carry (user:token@) never reach a log.
shown_url=$(printf '%s' "$url" | sed -E 's#^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@#\1***@#')
proto='=https' # also for redirects: a loopback mirror (tests, local mirrors) may use http
if [ "$mode" = download ]; then
  [ -n "$url_template" ] ||
    die "no release URL: this action runs from a local path, so set release-url (RISKGATE_RELEASE_URL) or version: source"
  case $url in
    https://*) ;;
    http://127.0.0.1[:/]* | http://localhost[:/]*) proto='=http,https' ;;
    *) die "the release URL must be https (plain http only to 127.0.0.1 or localhost): $shown_url" ;;
  esac
  case $url in *[[:space:]\"\'\\]*) die "the release URL holds a space, quote or backslash: $shown_url" ;; esac
fi

if $plan_only; then
  if [ "$mode" = download ]; then
    echo "download $file from $shown_url, sha256 $sum, cache $cache_dir/$version, install $install_dir"
  else
    echo "build from source ($reason), install $install_dir"
  fi
  exit 0
fi

# --- download and verify ----------------------------------------------------------------------
sha256() { sha256sum "$1" | cut -d' ' -f1; }

# fetch URL OUT: one GET of URL into OUT. A GitLab job token goes only to CI_SERVER_URL, as a
# header read from stdin (never on a command line), and a redirect from there is followed without it.
fetch() {
  local from=$1 out=$2
  local common=(--fail --silent --show-error --proto "$proto" --proto-redir "$proto"
    --retry 3 --retry-connrefused --retry-delay 2 --connect-timeout 20 --max-time 600
    --max-filesize 536870912 --output "$out")
  if [ -n "${CI_JOB_TOKEN:-}" ] && [ -n "${CI_SERVER_URL:-}" ] && [[ $from == "$CI_SERVER_URL"/* ]]; then
    [[ $CI_JOB_TOKEN =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "riskgate: CI_JOB_TOKEN has characters a job token never has: not sent" >&2; return 1; }
    local answer code next
    answer=$(printf 'header = "JOB-TOKEN: %s"\n' "$CI_JOB_TOKEN" |
      curl --config - "${common[@]}" --write-out '%{http_code} %{redirect_url}' "$from") || return 1
    code=${answer%% *} next=${answer#* }
    case $code in
      2??) return 0 ;;
      30[1278])
        case $next in https://* | http://127.0.0.1[:/]* | http://localhost[:/]*) ;; *) return 1 ;; esac
        curl "${common[@]}" --location "$next" ;;
      *) return 1 ;;
    esac
  else
    curl "${common[@]}" --location "$from"
  fi
}

if [ "$mode" = download ]; then
  command -v curl >/dev/null || die "curl is needed to download riskgate (apt-get install curl)"
  # Everything is checked and unpacked from a private copy in the job's own folder, so a cache
  # another job or user can write to is never read twice (checked, then swapped, then unpacked).
  mkdir -p "$(dirname "$install_dir")"
  caching=true
  mkdir -p "$cache_dir/$version" 2>/dev/null || { caching=false; notice "cannot write the cache $cache_dir: downloading without it"; }
  staging=$(mktemp -d "$(dirname "$install_dir")/.riskgate-install.XXXXXX")
  trap 'rm -rf "$staging"' EXIT
  archive=$staging/archive.tar.gz
  cached=$cache_dir/$version/$file
  if $caching && [ -f "$cached" ] && cp "$cached" "$archive" 2>/dev/null && [ "$(sha256 "$archive")" = "$sum" ]; then
    echo "riskgate: $file from the cache ($cached), sha256 $sum verified" >&2
  else
    ! $caching || [ ! -e "$cached" ] || notice "the cached $file does not match the pinned checksum: downloading it again"
    echo "riskgate: downloading $shown_url" >&2
    rm -f "$archive"
    fetch "$url" "$archive" || die "could not download $shown_url (see above); the gate fails closed"
    got=$(sha256 "$archive")
    [ "$got" = "$sum" ] ||
      die "$shown_url has sha256 $got, but this action pins $sum for $file: not installed (a published archive never changes; report this)"
    echo "riskgate: $file verified (sha256 $sum)" >&2
    # Into the cache atomically; a cache that cannot be written only costs the next job a download.
    if $caching && partial=$(mktemp "$cache_dir/$version/.$file.XXXXXX" 2>/dev/null); then
      if ! { cp "$archive" "$partial" && chmod 0644 "$partial" && mv -f "$partial" "$cached"; }; then
        rm -f "$partial"
        notice "could not cache $file in $cache_dir"
      fi
    fi
  fi
  mkdir "$staging/tree"
  tar -xzf "$archive" -C "$staging/tree" --strip-components=1 --no-same-owner
  [ -x "$staging/tree/bin/riskgate" ] || die "$file holds no bin/riskgate"
  reported=$("$staging/tree/bin/riskgate" --version 2>&1 | head -1) ||
    die "the downloaded riskgate does not run here: $reported"
  [ "$reported" = "riskgate $version" ] || [[ $reported == "riskgate $version "* ]] ||
    die "the downloaded archive says '$reported', not riskgate $version"
  rm -rf "$install_dir"
  mv "$staging/tree" "$install_dir"
else
  # --- build from source -----------------------------------------------------------------------
  notice "building riskgate $own from source ($reason); this takes minutes, a release archive seconds"
  "$root/tools/deps.sh" --build-only # no test tooling
  build=${RUNNER_TEMP:-/tmp}/riskgate-build
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRISKGATE_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build"
  rm -rf "$install_dir"
  cmake --install "$build" --prefix "$install_dir" >/dev/null
fi

bin=$install_dir/bin/riskgate
[ -x "$bin" ] || die "no riskgate at $bin after the install"
[ -z "${GITHUB_PATH:-}" ] || echo "$install_dir/bin" >>"$GITHUB_PATH"
[ -z "${GITHUB_ENV:-}" ] || echo "RISKGATE_BIN=$bin" >>"$GITHUB_ENV"
"$bin" --version >&2
echo "RISKGATE_BIN=$bin"
