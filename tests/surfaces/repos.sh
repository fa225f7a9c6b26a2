# Sourced by the surface tests that run a riskgate binary against small repositories
# (http_module.sh, package.sh, minimal_root.sh).
#   surface_git_env HOME_DIR   isolates git from the user's configuration, names a committer
#   make_secret_repo DIR       a repository whose index holds a staged AWS access key id
#                              (assembled here), which `check --staged` blocks at settings.ini:1
#   make_forge_repo DIR RETRIES  a repository whose base policy reads GitHub reviews from
#                              127.0.0.1:1 (nobody listens) with RETRIES retries, and one change:
#                              `check --base HEAD~1 --pr 1 --forge-project o/r` must reach the
#                              HTTP client and fail closed with "Connection"

surface_git_env() {
  export HOME=$1 GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
  export CI= GITHUB_ACTIONS= GITLAB_CI= GIT_AUTHOR_NAME=a GIT_AUTHOR_EMAIL=a@example.invalid
  export GIT_COMMITTER_NAME=a GIT_COMMITTER_EMAIL=a@example.invalid
  mkdir -p "$HOME"
}

make_secret_repo() {
  git init -q "$1"
  printf 'aws_access_key_id = %s%s\n' "AKIA" "QYLPMN5HHHFPZAM2" >"$1/settings.ini"
  git -C "$1" add settings.ini
}

make_forge_repo() {
  git init -q "$1"
  printf 'version: 1\ncontrols:\n  reviews:\n    source: github\n    forge: {retries: %s, github_api_url: "http://127.0.0.1:1"}\n' \
    "$2" >"$1/.riskgate.yaml"
  git -C "$1" add .riskgate.yaml
  git -C "$1" commit -qm policy
  echo a >"$1/a.txt"
  git -C "$1" add a.txt
  git -C "$1" commit -qm change
}
