#!/usr/bin/env bash
# The stage layering (ARCHITECTURE.md): a stage includes only itself and the stages below it,
# and each third-party library is included only by its adapter files. Prints every breach and
# how many files include nlohmann-json and RE2 (issue 17 brings each to at most six).
set -euo pipefail
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../src" && pwd)
cd "$src"
status=0

declare -A allowed=(
  [core]="core"
  [collect]="core collect"
  [policy]="core policy"
  [evaluate]="core collect policy evaluate"
  [decide]="core policy decide"
  [report]="core decide report"
  [ledger]="core decide report ledger"
  [dashboard]="core report ledger dashboard"
  [run]="core collect policy evaluate decide run"
  [app]="core collect policy evaluate decide report ledger dashboard run app"
)
for stage in "${!allowed[@]}"; do
  while IFS=: read -r file included; do
    target=${included%%/*}
    case " ${allowed[$stage]} " in
      *" $target "*) ;;
      *) echo "layering: src/$file includes $included ($stage may not reach $target)"; status=1 ;;
    esac
  done < <(grep -rHoE '^#include "[a-z_]+/[^"]+"' "$stage" | sed -E 's/#include "([^"]+)"/\1/')
done

# Third-party headers: the files allowed to include each (adapters; the two long lists are what
# issue 17 shrinks behind facades, and no new file may join them).
check_library() {
  local name=$1 pattern=$2 budget=$3
  shift 3
  local count=0 file
  while read -r file; do
    count=$((count + 1))
    case " $* " in
      *" $file "*) ;;
      *) echo "confinement: src/$file includes $name outside its adapters ($*)"; status=1 ;;
    esac
  done < <(grep -rlE "^#include <$pattern" . | sed 's#^\./##' | sort)
  if [ "$budget" -gt 0 ]; then
    echo "$name: included by $count files (target: at most $budget)"
  fi
}
check_library libgit2 'git2' 0 collect/git_internal.h collect/git_pack_backend.cc collect/git_repository.cc
check_library yaml-cpp 'yaml-cpp/' 0 policy/yaml_document.cc
check_library cpp-httplib 'httplib\.h' 0 collect/forge/http_exchange.cc
check_library SQLite 'sqlite3\.h' 0 ledger/sqlite_db.cc
check_library CLI11 'CLI/' 0 app/app.cc app/cli_flags.cc app/commands.cc
check_library toml++ 'toml\+\+/' 0 policy/gitleaks_toml.cc
check_library hyperscan 'hs/' 0 evaluate/text/hyperscan_db.cc
check_library OpenSSL 'openssl/' 0 core/text.cc
check_library zlib 'zlib\.h' 0 evaluate/secrets/token_checksum.cc collect/pack/zlib_stream.cc
check_library nlohmann-json 'nlohmann/' 6 \
  core/json_document.cc core/json_out.cc
check_library RE2 're2/' 6 core/regex.cc
exit $status
