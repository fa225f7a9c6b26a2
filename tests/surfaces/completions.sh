#!/usr/bin/env bash
# `riskgate completion bash|zsh|fish`, loaded by the real shells: bash completes commands, nested
# commands, flags and a flag's file value through the function it registers; fish's own
# `complete -C` lists commands and flags with their help; zsh parses the script and compinit
# registers _riskgate for riskgate. A shell that is not installed is reported, not passed.
#
#   tests/surfaces/completions.sh RISKGATE_BINARY
set -euo pipefail
binary=${1:?usage: completions.sh RISKGATE_BINARY}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "completions.sh: $*" >&2; status=1; }
missing=()
for shell in bash zsh fish; do command -v "$shell" >/dev/null || missing+=("$shell"); done
[ ${#missing[@]} -eq 0 ] || { echo "completions.sh: not installed: ${missing[*]} (RISKGATE_TEST_SKIPPED)"; exit 0; }
"$binary" completion bash >"$work/riskgate.bash"
"$binary" completion zsh >"$work/_riskgate"
"$binary" completion fish >"$work/riskgate.fish"
mkdir "$work/dir" && touch "$work/dir/policy.yaml"
if "$binary" completion tcsh >/dev/null 2>&1; then fail "an unknown shell was accepted"; fi

# bash: COMPREPLY for a few command lines, as readline would ask.
bash_says() {
  (cd "$work/dir" && bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _riskgate; printf "%s\n" "${COMPREPLY[@]}"' _ "$work/riskgate.bash" "$@")
}
[ "$(bash_says riskgate ch)" = check ] || fail "bash: 'riskgate ch' did not complete to check"
[ "$(bash_says riskgate check --sta)" = --staged ] || fail "bash: 'check --sta' is not --staged"
[ "$(bash_says riskgate policy v)" = validate ] || fail "bash: 'policy v' is not validate"
[ "$(bash_says riskgate check --policy pol)" = policy.yaml ] || fail "bash: --policy's value is not a file"
bash_says riskgate history --b | grep -qx -- --branch || fail "bash: history's --branch is missing"

# fish: its own completion engine.
fish_says() { fish -c "source '$work/riskgate.fish'; complete -C '$1'"; }
fish_says "riskgate ch" | grep -q "^check	Judge a change" || fail "fish: 'riskgate ch' does not offer check"
fish_says "riskgate check --sta" | grep -q "^--staged	" || fail "fish: 'check --sta' does not offer --staged"
fish_says "riskgate policy " | grep -q "^validate	" || fail "fish: 'policy ' does not offer validate"
! fish_says "riskgate policy validate " | grep -q "^show	" || fail "fish: 'policy validate ' still offers show"

# zsh: the script parses, and compinit registers it.
zsh -n "$work/_riskgate" || fail "zsh: the script does not parse"
registered=$(zsh -f -c "autoload -U compinit; compinit -u -D; source '$work/_riskgate'; print -r -- \${_comps[riskgate]}" 2>&1)
[ "$registered" = _riskgate ] || fail "zsh: riskgate is not completed by _riskgate ($registered)"

[ $status -eq 0 ] && echo "bash, zsh and fish load riskgate's completion and complete its commands and flags"
exit $status
