#!/usr/bin/env bash
# The GitLab include (action/riskgate.gitlab-ci.yml) and the CI/CD component
# (templates/riskgate.yml, with its spec: inputs) as GitLab would load them: each included from a
# .gitlab-ci.yml in a temporary repository and read by gitlab-ci-local, which expands includes
# and inputs and validates the result against GitLab's published CI JSON schema. A control run
# with a key GitLab does not know must be refused, or the check proves nothing.
#
#   tests/surfaces/gitlab_ci_local.sh SOURCE_DIR
#
# gitlab-ci-local (npm) is installed once by tests/tools/npm_tool.sh. Exit 0 valid, 1 invalid,
# 2 when the tool cannot be installed or run.
set -euo pipefail
source_dir=$(cd "${1:?usage: gitlab_ci_local.sh SOURCE_DIR}" && pwd)
# 4.62 is the last release that runs on Debian 12's Node.js 20 (later ones need Node.js 22).
version=4.62.0
# shellcheck source=../tools/npm_tool.sh
. "$source_dir/tests/tools/npm_tool.sh"
npm_tool_install gitlab-ci-local "$version"
tool=$npm_tool_prefix/node_modules/.bin/gitlab-ci-local
[ -x "$tool" ] || npm_tool_die "the install left no executable at $tool"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME=$work/home GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
mkdir -p "$HOME"

# lint NAME FILE INCLUDE_YAML [EXTRA_JOB_KEY]: a repository holding FILE at its place in this
# project, included by INCLUDE_YAML; prints gitlab-ci-local's verdict, returns its exit code.
lint() {
  local name=$1 file=$2 include=$3 extra=${4:-} repo=$work/$1
  mkdir -p "$repo/$(dirname "$file")"
  if [ -n "$extra" ]; then
    # The control: an unknown key in the riskgate job.
    sed "s/^riskgate:\$/riskgate:\n  $extra: true/" "$source_dir/$file" >"$repo/$file"
  else
    cp "$source_dir/$file" "$repo/$file"
  fi
  printf '%s\nstages: [test]\n' "$include" >"$repo/.gitlab-ci.yml"
  git -C "$repo" init -q
  git -C "$repo" remote add origin https://gitlab.example.com/group/project.git
  git -C "$repo" add -A
  git -C "$repo" -c user.name=t -c user.email=t@example.com commit -qm lint
  (cd "$repo" && "$tool" --list) >"$work/$name.out" 2>&1
}

status=0
check() {
  local name=$1 file=$2 include=$3
  if ! lint "$name" "$file" "$include"; then
    echo "$file: GitLab's schema refuses it:" >&2
    grep -v "remote\|origin\|fallback" "$work/$name.out" >&2 || true
    status=1
    return
  fi
  if ! grep -q "json schema validated" "$work/$name.out" ||
     ! grep -Eq '^riskgate[[:space:]]+test[[:space:]]' "$work/$name.out"; then
    echo "$file: no schema validation or no riskgate job in the test stage:" >&2
    cat "$work/$name.out" >&2
    status=1
    return
  fi
  if lint "$name-control" "$file" "$include" not_a_gitlab_key ||
     ! grep -q "not_a_gitlab_key" "$work/$name-control.out"; then
    echo "$file: a job key GitLab does not know was not refused: the check proves nothing" >&2
    cat "$work/$name-control.out" >&2
    status=1
    return
  fi
  echo "$file: valid GitLab CI (gitlab-ci-local $version, GitLab's CI schema)"
}

check include action/riskgate.gitlab-ci.yml \
  $'include:\n  - local: action/riskgate.gitlab-ci.yml'
check component templates/riskgate.yml \
  $'include:\n  - local: templates/riskgate.yml\n    inputs:\n      stage: test\n      args: --format json'
exit $status
