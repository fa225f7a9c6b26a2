#!/usr/bin/env bash
# The container recipe (Dockerfile), read by a Dockerfile parser (npm dockerfile-utils, the
# validator behind VS Code's Docker support; no Docker engine runs here) and checked for what the
# image promises: a build stage that makes the release .deb with the release's own scripts
# (tools/deps.sh --release, tools/release.sh), a runtime on debian:bookworm-slim set up by
# tools/image_runtime.sh (which tests/surfaces/minimal_root.sh runs and judges as the image's
# user), every base image pinned by digest, a numeric non-root USER, WORKDIR /src and
# ENTRYPOINT ["riskgate"]; the build context leaves build trees out; and riskgate's own pins
# control finds nothing to say about it. A control copy with an unknown instruction must be refused.
#
#   tests/surfaces/dockerfile.sh SOURCE_DIR RISKGATE
set -euo pipefail
source_dir=$(cd "${1:?usage: dockerfile.sh SOURCE_DIR RISKGATE}" && pwd)
riskgate=${2:?usage: dockerfile.sh SOURCE_DIR RISKGATE}
# shellcheck source=../tools/npm_tool.sh
. "$(dirname "${BASH_SOURCE[0]}")/../tools/npm_tool.sh"
npm_tool_install dockerfile-utils 0.16.3
lint=$npm_tool_prefix/node_modules/.bin/dockerfile-utils
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "dockerfile.sh: $*" >&2; status=1; }
dockerfile=$source_dir/Dockerfile

"$lint" lint "$dockerfile" >"$work/lint" 2>&1 || { cat "$work/lint" >&2; fail "dockerfile-utils refuses the Dockerfile"; }
[ ! -s "$work/lint" ] || { cat "$work/lint" >&2; fail "dockerfile-utils warns about the Dockerfile"; }
sed 's/^WORKDIR \/src$/WORKDIR \/src\nBOGUS x/' "$dockerfile" >"$work/control"
if "$lint" lint "$work/control" >/dev/null 2>&1; then fail "dockerfile-utils accepted an unknown instruction (the control)"; fi

# The instructions, continuation lines joined.
sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$dockerfile" | grep -vE '^\s*(#|$)' >"$work/instructions"
mapfile -t froms < <(grep -E '^FROM ' "$work/instructions")
[ "${#froms[@]}" -eq 2 ] || fail "expected two stages (build, runtime), found ${#froms[@]}"
for from in "${froms[@]}"; do
  [[ $from =~ ^FROM\ [a-z0-9./-]+:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}(\ AS\ [a-z]+)?$ ]] || fail "not pinned by digest: $from"
done
[[ ${froms[1]} == "FROM debian:bookworm-"*"-slim@sha256:"* ]] || fail "the runtime is not debian:bookworm-slim: ${froms[1]}"
runtime=$(sed -n '/^FROM debian:bookworm-.*-slim@/,$p' "$work/instructions")
build_stage=$(sed -n '1,/^FROM debian:bookworm-.*-slim@/p' "$work/instructions")
grep -q "tools/deps.sh --release" <<<"$build_stage" || fail "the build stage does not install with tools/deps.sh --release"
grep -q "tools/release.sh" <<<"$build_stage" || fail "the build stage does not build with tools/release.sh"
grep -q "tools/image_runtime.sh" <<<"$runtime" || fail "the runtime is not set up by tools/image_runtime.sh"
! grep -qE '^RUN .*(apt-get install|g\+\+|cmake)' <<<"$runtime" || fail "the runtime stage installs or builds outside tools/image_runtime.sh"
user=$(grep -E '^USER ' <<<"$runtime" | tail -1)
[[ $user =~ ^USER\ ([0-9]+):([0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" -ne 0 ] || fail "the image does not run as a numeric non-root user: $user"
grep -q "useradd .*--uid ${BASH_REMATCH[1]:-x}" "$source_dir/tools/image_runtime.sh" ||
  fail "tools/image_runtime.sh does not create the user $user runs as"
[ "$(grep -E '^WORKDIR ' <<<"$runtime" | tail -1)" = "WORKDIR /src" ] || fail "the working directory is not /src"
grep -q "directory = /src" "$source_dir/tools/image_runtime.sh" || fail "/src is not a safe.directory"
[ "$(grep -E '^ENTRYPOINT ' <<<"$runtime")" = 'ENTRYPOINT ["riskgate"]' ] || fail 'the entrypoint is not ["riskgate"]'
grep -qx "build/" "$source_dir/.dockerignore" || fail ".dockerignore does not leave build/ out of the context"

# riskgate's own pins control, on a repository holding the recipe: no finding; the control, the
# runtime base without its digest, must be found (else the check proves nothing).
# judge DOCKERFILE: prints the number of findings riskgate reports for it.
judge() {
  local repo code
  repo=$(mktemp -d "$work/repo.XXXXXX")
  cp "$1" "$repo/Dockerfile"
  git -C "$repo" init -q && git -C "$repo" add Dockerfile
  set +e
  (cd "$repo" && "$riskgate" check --worktree --format json --output "$repo.json") >"$repo.out" 2>&1
  code=$?
  set -e
  [ "$code" -le 1 ] || { cat "$repo.out" >&2; echo "riskgate exits $code" >&2; return 1; }
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r["findings"]))' "$repo.json"
}
findings=$(judge "$dockerfile") || fail "riskgate check --worktree failed on the Dockerfile"
[ "$findings" = 0 ] || fail "riskgate reports $findings findings about the Dockerfile"
sed 's/@sha256:[0-9a-f]*$//' "$dockerfile" >"$work/unpinned"
findings=$(judge "$work/unpinned") || fail "riskgate check --worktree failed on the control"
[ "$findings" -ge 1 ] || fail "riskgate finds nothing in a Dockerfile whose runtime base has no digest (the control)"
[ $status -eq 0 ] && echo "dockerfile.sh: the Dockerfile parses (dockerfile-utils 0.16.3) and keeps every promise"
exit $status
