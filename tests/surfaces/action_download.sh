#!/usr/bin/env bash
# The Action's and GitLab job's install step (action/install.sh) against a real web server on
# 127.0.0.1 serving a release layout (tests/surfaces/release_server.py) with the real archive
# tools/release.sh makes from BUILD_DIR, pinned by tools/pin_release.sh into a copy of the action:
#   - a pinned archive is downloaded once, verified, installed, put on GITHUB_PATH/GITHUB_ENV,
#     and runs; a second install is served from the cache (no request); a cached archive that
#     was altered is fetched again;
#   - an archive whose bytes differ from the pin is refused (exit 2, nothing installed, nothing
#     cached); a missing archive is exit 2, not a build;
#   - macOS, Windows and 32-bit runners fail at once (exit 2, no request) naming the supported ones;
#   - an unpinned or malformed version, and a plain-http release URL off loopback, are exit 2
#     before any request; this tree's own unpinned version and "source" plan a build from source;
#   - in GitLab CI the job token goes to the instance's URL only, not along its redirect, and is
#     never printed.
# Everything is written inside a temporary folder.
#   tests/surfaces/action_download.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "${1:?usage: action_download.sh BUILD_DIR SOURCE_DIR}" && pwd)
source_dir=$(cd "${2:?usage: action_download.sh BUILD_DIR SOURCE_DIR}" && pwd)
for tool in cpack dpkg-deb dpkg-shlibdeps curl python3 sha256sum; do
  command -v "$tool" >/dev/null || { echo "action_download.sh: $tool is missing (tools/deps.sh installs it)" >&2; exit 2; }
done
work=$(mktemp -d)
server_pid=
# shellcheck disable=SC2317  # called by the trap
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
status=0
fail() { echo "action_download.sh: FAIL: $*" >&2; status=1; }

# The release, as the release workflow makes it.
"$source_dir/tools/release.sh" --from-build "$build" "$work/dist" >"$work/release.log" 2>&1 ||
  { cat "$work/release.log" >&2; echo "action_download.sh: tools/release.sh failed" >&2; exit 1; }
archive=$(cd "$work/dist" && ls riskgate-*-linux-*.tar.gz)
version=${archive#riskgate-}
version=${version%-linux-*}
arch=$(uname -m)
mkdir -p "$work/srv/$version" "$work/action/action"
cp "$work/dist/$archive" "$work/srv/$version/$archive"
cp "$source_dir/action/install.sh" "$source_dir/action/releases.sha256" "$work/action/action/"
cp "$source_dir/CMakeLists.txt" "$work/action/"
unpinned_action=$work/unpinned
cp -r "$work/action" "$unpinned_action"
"$source_dir/tools/pin_release.sh" --manifest "$work/action/action/releases.sha256" "$work/dist/SHA256SUMS" >/dev/null
grep -q "  $archive\$" "$work/action/action/releases.sha256" || fail "pin_release.sh did not pin $archive"
# A release's SHA256SUMS is the forge's word: a changed checksum for a pinned archive, or a name
# that is no archive's, is refused and leaves the pins as they were.
cp "$work/action/action/releases.sha256" "$work/pins.before"
sed "s/^[0-9a-f]\{8\}/00000000/" "$work/dist/SHA256SUMS" >"$work/changed.sums"
for sums in "$work/changed.sums" "$work/odd.sums"; do
  [ "$sums" = "$work/odd.sums" ] && printf '%064d  riskgate-9.9.9-linux-x86_64.tar.gz/../../evil\n' 0 >"$sums"
  if "$source_dir/tools/pin_release.sh" --manifest "$work/action/action/releases.sha256" "$sums" >/dev/null 2>&1; then
    fail "pin_release.sh accepted $(basename "$sums")"
  fi
  cmp -s "$work/pins.before" "$work/action/action/releases.sha256" || fail "pin_release.sh changed the pins for $(basename "$sums")"
done

python3 "$source_dir/tests/surfaces/release_server.py" "$work/srv" "$work/port" "$work/requests.log" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || { echo "action_download.sh: the release server did not start" >&2; exit 1; }
port=$(cat "$work/port")
touch "$work/requests.log"
github_url="http://127.0.0.1:$port/download/v{version}/{file}"

# install NAME [VAR=VALUE...] [-- ARGS]: runs install.sh as a GitHub runner would, in a fresh
# job folder $work/NAME (its RUNNER_TEMP); the tool cache $work/toolcache is shared between jobs.
# Sets $code, $out (stdout+stderr) and $requests (requests the server saw during the run).
install() {
  local job=$work/$1
  shift
  local settings=() args=()
  while [ $# -gt 0 ]; do
    if [ "$1" = -- ]; then shift; args=("$@"); break; fi
    settings+=("$1")
    shift
  done
  mkdir -p "$job/temp" "$work/toolcache"
  : >"$job/path" && : >"$job/env"
  local before
  before=$(wc -l <"$work/requests.log")
  set +e
  env -i PATH="$PATH" HOME="$work/home" GITHUB_ACTIONS=true RUNNER_OS=Linux RUNNER_ARCH=X64 \
    RUNNER_TEMP="$job/temp" RUNNER_TOOL_CACHE="$work/toolcache" GITHUB_PATH="$job/path" \
    GITHUB_ENV="$job/env" RISKGATE_RELEASE_URL="$github_url" "${settings[@]}" \
    bash "${action:-$work/action}/action/install.sh" "${args[@]}" >"$job/out" 2>&1
  code=$?
  set -e
  out=$(cat "$job/out")
  requests=$(tail -n +"$((before + 1))" "$work/requests.log")
}
expect_code() { # NAME WANT
  [ "$code" -eq "$2" ] || fail "$1: exit $code, expected $2; output:"$'\n'"$out"
}
no_request() { [ -z "$requests" ] || fail "$1: made requests: $requests"; }

native=X64
[ "$arch" = aarch64 ] && native=ARM64

# 1. Downloaded, verified, installed and on PATH.
install first RUNNER_ARCH=$native
expect_code "pinned download" 0
[ "$(grep -c . <<<"$requests")" -eq 1 ] || fail "pinned download: expected one request, saw: $requests"
bin=$work/first/temp/riskgate/bin/riskgate
[ "$(cat "$work/first/path")" = "$work/first/temp/riskgate/bin" ] || fail "GITHUB_PATH holds: $(cat "$work/first/path")"
[ "$(cat "$work/first/env")" = "RISKGATE_BIN=$bin" ] || fail "GITHUB_ENV holds: $(cat "$work/first/env")"
[ "$(tail -1 "$work/first/out")" = "RISKGATE_BIN=$bin" ] || fail "the last line is not RISKGATE_BIN=$bin"
"$bin" --version | head -1 | grep -q "^riskgate $version" || fail "the installed riskgate does not report $version"
[ -f "$work/first/temp/riskgate/lib/riskgate/libriskgate_http.so" ] || fail "the HTTP module was not installed"
[ -f "$work/toolcache/riskgate/$version/$archive" ] || fail "the verified archive was not cached"

# 2. The cache serves the next job; 3. an altered cached archive is fetched again.
install second RUNNER_ARCH=$native
expect_code "cached install" 0
no_request "cached install"
grep -q "from the cache" <<<"$out" || fail "cached install: does not say it used the cache"
printf 'x' >>"$work/toolcache/riskgate/$version/$archive"
install third RUNNER_ARCH=$native
expect_code "altered cache" 0
[ "$(grep -c . <<<"$requests")" -eq 1 ] || fail "altered cache: expected one new download, saw: $requests"
cmp -s "$work/toolcache/riskgate/$version/$archive" "$work/srv/$version/$archive" ||
  fail "altered cache: the cache still holds the altered archive"

# A cache that cannot be written: installed all the same, with a notice.
install nocache RUNNER_ARCH=$native RISKGATE_CACHE_DIR=/proc/riskgate-cache
expect_code "unwritable cache" 0
grep -q "cannot write the cache" <<<"$out" || fail "unwritable cache: no notice: $out"
[ -x "$work/nocache/temp/riskgate/bin/riskgate" ] || fail "unwritable cache: nothing installed"

# 4. A served archive that differs from the pin: refused, nothing installed or cached.
rm -rf "$work/toolcache"
cp "$work/srv/$version/$archive" "$work/good.tar.gz"
printf 'tampered' >>"$work/srv/$version/$archive"
install tampered RUNNER_ARCH=$native
expect_code "tampered archive" 2
grep -q "sha256 .*, but this action pins" <<<"$out" || fail "tampered archive: no checksum message: $out"
[ ! -e "$work/tampered/temp/riskgate" ] || fail "tampered archive: something was installed"
[ -z "$(ls -A "$work/toolcache/riskgate/$version" 2>/dev/null)" ] || fail "tampered archive: left files in the cache"
[ ! -s "$work/tampered/path" ] || fail "tampered archive: GITHUB_PATH was written"
cp "$work/good.tar.gz" "$work/srv/$version/$archive"

# A missing archive (the URL points elsewhere) is a failure, not a build.
install missing RUNNER_ARCH=$native RISKGATE_RELEASE_URL="http://127.0.0.1:$port/download/v{version}/nothing-{file}"
expect_code "missing archive" 2
grep -q "could not download" <<<"$out" || fail "missing archive: $out"

# A mirror URL with credentials: they reach the server, never the log (success, failure, plan).
mirror_token=mirror-credential-4242
for template in "http://ci:$mirror_token@127.0.0.1:$port/download/v{version}/{file}" \
    "http://ci:$mirror_token@127.0.0.1:$port/download/v{version}/nothing-{file}"; do
  install credentials RUNNER_ARCH=$native RISKGATE_RELEASE_URL="$template"
  ! grep -q "$mirror_token" "$work/credentials/out" || fail "the mirror's credentials were printed: $out"
  grep -q "ci:\*\*\*@\|\*\*\*@127.0.0.1" <<<"$out" || fail "the mirror URL is not shown redacted: $out"
done
install credentials_plan RUNNER_ARCH=$native RISKGATE_RELEASE_URL="http://ci:$mirror_token@127.0.0.1:$port/{file}" -- --plan
! grep -q "$mirror_token" <<<"$out" || fail "the plan printed the mirror's credentials: $out"

# 5. Unsupported runners fail at once, naming the supported ones.
for runner in "macOS ARM64" "Windows X64" "Linux X86" "Linux ARM"; do
  install unsupported RUNNER_OS="${runner% *}" RUNNER_ARCH="${runner#* }"
  expect_code "$runner runner" 2
  no_request "$runner runner"
  grep -q "Linux x86_64 and Linux aarch64" <<<"$out" || fail "$runner runner: does not name the supported runners: $out"
done

# 6. Versions: unpinned, malformed; 7. http off loopback.
install unpinned RUNNER_ARCH=$native RISKGATE_VERSION=9.9.9
expect_code "unpinned version" 2
no_request "unpinned version"
grep -q "pinned: $version" <<<"$out" || fail "unpinned version: does not list the pinned versions: $out"
for bad in "../../etc" "1.2" "1.2.3;id" "v1.2.3 x"; do
  install malformed RUNNER_ARCH=$native RISKGATE_VERSION="$bad"
  expect_code "version '$bad'" 2
  no_request "version '$bad'"
done
install newline RUNNER_ARCH=$native RISKGATE_VERSION=$'1.2.3\n::add-mask::x'
expect_code "version with a newline" 2
[ "$(grep -c '^::' <<<"$out")" -eq 1 ] || fail "a newline in the version made a second workflow command: $out"
for bad in / /usr "relative/dir" "/opt/../usr"; do
  install badinstall RUNNER_ARCH=$native RISKGATE_INSTALL_DIR="$bad"
  expect_code "install folder '$bad'" 2
  no_request "install folder '$bad'"
done
install plainhttp RUNNER_ARCH=$native RISKGATE_RELEASE_URL="http://example.com/v{version}/{file}"
expect_code "plain http off loopback" 2
grep -q "must be https" <<<"$out" || fail "plain http: $out"
install v_prefix RUNNER_ARCH=$native RISKGATE_VERSION="v$version" -- --plan
expect_code "version with a v" 0
grep -q "^download $archive from http://127.0.0.1:$port/download/v$version/$archive" <<<"$out" || fail "v-prefixed plan: $out"

# 8. What builds from source: this tree's own version when it is not pinned, and "source".
action=$unpinned_action install own_unpinned RUNNER_ARCH=$native -- --plan
expect_code "own unpinned version" 0
grep -q "^build from source (this action pins no release archive of its own version" <<<"$out" || fail "own unpinned: $out"
install source RUNNER_ARCH=$native RISKGATE_VERSION=source -- --plan
expect_code "source" 0
grep -q "^build from source (RISKGATE_VERSION is 'source')" <<<"$out" || fail "source: $out"
# The default URL is the action's own repository's releases.
install default_url RUNNER_ARCH=$native RISKGATE_RELEASE_URL= GITHUB_ACTION_REPOSITORY=acme/riskgate \
  GITHUB_SERVER_URL=https://github.com -- --plan
grep -q "from https://github.com/acme/riskgate/releases/download/v$version/$archive" <<<"$out" || fail "default URL: $out"

# 9. GitLab: the job token goes to the instance only, not along the redirect, never printed.
marker=not-a-real-job-token-4242 # the job token of this test
install gitlab RUNNER_OS= RUNNER_ARCH= GITHUB_ACTIONS= GITHUB_PATH= GITHUB_ENV= RISKGATE_RELEASE_URL= \
  GITLAB_CI=true CI_SERVER_URL="http://127.0.0.1:$port" CI_JOB_TOKEN="$marker" \
  RISKGATE_REPO_URL="http://127.0.0.1:$port/group/riskgate.git" RISKGATE_CACHE_DIR="$work/gitlab/cache" \
  RISKGATE_INSTALL_DIR="$work/gitlab/opt/riskgate"
expect_code "GitLab download" 0
printf '%s\n' "$requests" >"$work/gitlab.requests"
python3 - "$marker" "$version" "$archive" "$work/gitlab.requests" <<'PY' || fail "GitLab: the job token went where it should not (requests: $requests)"
import json, sys
token, version, archive, log = sys.argv[1:5]
seen = [json.loads(line) for line in open(log, encoding="utf-8") if line.strip()]
assert [r["path"] for r in seen] == [f"/group/riskgate/-/releases/v{version}/downloads/{archive}",
                                     f"/blob/v{version}/{archive}"], seen
assert seen[0]["job_token"] == token and seen[1]["job_token"] is None, seen
PY
[ -x "$work/gitlab/opt/riskgate/bin/riskgate" ] || fail "GitLab: riskgate is not in RISKGATE_INSTALL_DIR"
! grep -q "$marker" "$work/gitlab/out" || fail "GitLab: the job token was printed"
install gitlab_elsewhere RUNNER_OS= RUNNER_ARCH= GITHUB_ACTIONS= GITLAB_CI=true \
  CI_SERVER_URL="https://gitlab.example.com" CI_JOB_TOKEN="$marker" RISKGATE_CACHE_DIR="$work/gitlab2"
expect_code "GitLab, archive on another host" 0
! grep -q '"job_token": "' <<<"$requests" || fail "GitLab: the job token went to another host: $requests"

[ "$status" -eq 0 ] && echo "action_download.sh: the install step downloads, verifies, caches and refuses as it should"
exit "$status"
