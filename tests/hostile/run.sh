#!/usr/bin/env bash
# Runs one hostile case (tests/hostile/README.md): run.sh CASE.sh. Needs RISKGATE_BIN.
# Exit 0 when the gate held: every `gate` expectation met, no crash or hang, and no planted
# secret in anything riskgate printed or wrote.
set -euo pipefail
case_file=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
: "${RISKGATE_BIN:?RISKGATE_BIN names the riskgate binary under test}"
case $RISKGATE_BIN in /*) ;; *) RISKGATE_BIN=$PWD/$RISKGATE_BIN ;; esac
HOSTILE_WORK=$(mktemp -d "${TMPDIR:-/tmp}/riskgate-hostile.XXXXXX")
HOSTILE_OUT="$HOSTILE_WORK/.out"
mkdir -p "$HOSTILE_OUT"
: >"$HOSTILE_OUT/planted"
trap 'rm -rf "$HOSTILE_WORK"' EXIT
export HOSTILE_WORK HOSTILE_OUT RISKGATE_BIN
# The case decides which CI it pretends to be; nothing leaks in from the machine running it.
for v in $(env | sed -n 's/^\(CI\|GITHUB_[A-Z_]*\|GITLAB_[A-Z_]*\|CI_[A-Z_]*\|RUNNER_[A-Z_]*\|PRE_COMMIT[A-Z_]*\|GIT_[A-Z_]*\|RISKGATE_[A-Z_]*\|BUILDKITE[A-Z_]*\|JENKINS_URL\|TF_BUILD\|CIRCLECI\|TRAVIS\|TEAMCITY_VERSION\|BITBUCKET_BUILD_NUMBER\|CODEBUILD_BUILD_ID\|DRONE\)=.*/\1/p'); do
  [ "$v" = RISKGATE_BIN ] || unset "$v"
done
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_DATE='2026-11-01T12:00:00Z' GIT_COMMITTER_DATE='2026-11-01T12:00:00Z'
export HOME="$HOSTILE_WORK/.home"
mkdir -p "$HOME"
# shellcheck source=tests/hostile/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
(
  cd "$HOSTILE_WORK"
  # shellcheck disable=SC1090
  source "$case_file"
)
[ -s "$HOSTILE_OUT/log" ] || { echo "the case ran riskgate no time" >&2; exit 1; }
leaked=0
while IFS= read -r secret; do
  [ -n "$secret" ] || continue
  if grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" >/dev/null; then
    echo "a planted secret appears in: $(grep -rlF --exclude=planted -- "$secret" "$HOSTILE_OUT" | tr '\n' ' ')" >&2
    leaked=1
  fi
done <"$HOSTILE_OUT/planted"
[ "$leaked" -eq 0 ] || exit 1
cat "$HOSTILE_OUT/log"
