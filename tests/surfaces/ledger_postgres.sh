#!/usr/bin/env bash
# The ledger's schema is plain SQL that PostgreSQL also accepts (docs/ledger.md): `riskgate ledger
# schema` is applied to a fresh PostgreSQL cluster (Debian's postgresql, in a temporary folder,
# on a Unix socket only), the rows of a SQLite ledger made by `riskgate ledger ingest` are copied
# into it as INSERT statements, and every table, and the joined query the dashboard reads findings
# with, give the same rows in both databases.
#   tests/surfaces/ledger_postgres.sh RISKGATE SOURCE_DIR
# Reports itself skipped (RISKGATE_TEST_SKIPPED) without PostgreSQL's server, psql or sqlite3.
set -euo pipefail
riskgate=${1:?usage: ledger_postgres.sh RISKGATE SOURCE_DIR}
source_dir=${2:?usage: ledger_postgres.sh RISKGATE SOURCE_DIR}
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb" ] || ! command -v psql >/dev/null || ! command -v sqlite3 >/dev/null; then
  echo "RISKGATE_TEST_SKIPPED: PostgreSQL's server, psql or sqlite3 is missing (tools/deps.sh)"
  exit 0
fi
bin=$(dirname "$initdb")
work=$(mktemp -d)
pg=$work/pg
mkdir "$pg"
# PostgreSQL refuses to run as root; as root the cluster belongs to the postgres user.
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then
  chmod 711 "$work"  # the server user passes through to its own folder
  chown postgres "$pg"
fi
cleanup() {
  as_owner "$bin/pg_ctl" -D "$pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as_owner "$bin/initdb" -D "$pg/data" -A trust -U ledger >"$pg/initdb.log" 2>&1 ||
  { cat "$pg/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$pg/data" -w -l "$pg/server.log" \
  -o "-k $pg -p 54329 -c listen_addresses=''" start >/dev/null
pg() { psql -X -q -h "$pg" -p 54329 -U ledger -d postgres -v ON_ERROR_STOP=1 "$@"; }

export RISKGATE_NOW=2026-11-30
python3 "$source_dir/bench/ledger/generate_reports.py" "$work/artifacts" --reports 300 \
  --repositories 4 --end "$RISKGATE_NOW" >/dev/null
"$riskgate" ledger ingest --db "$work/ledger.sqlite" "$work/artifacts" >/dev/null
"$riskgate" ledger schema >"$work/schema.sql"
pg -f "$work/schema.sql"

status=0
for table in reports findings waivers components secure_defaults; do
  sqlite3 -cmd ".mode insert $table" "$work/ledger.sqlite" "SELECT * FROM $table" >"$work/$table.sql"
  pg -f "$work/$table.sql"
done
query() {  # query NAME SQL: the same rows from SQLite and PostgreSQL, as CSV
  sqlite3 -csv "$work/ledger.sqlite" "$2" >"$work/$1.sqlite.csv"
  pg --csv -t -c "$2" | sed '/^$/d' >"$work/$1.pg.csv"
  if ! cmp -s "$work/$1.sqlite.csv" "$work/$1.pg.csv"; then
    echo "ledger_postgres.sh: $1 differs between SQLite and PostgreSQL:" >&2
    diff "$work/$1.sqlite.csv" "$work/$1.pg.csv" | head -n 10 >&2
    status=1
  fi
}
query version "SELECT version FROM ledger_schema"
query reports "SELECT id, kind, repository, change_ref, commit_id, run_time, decision, scope_mode, controls FROM reports ORDER BY run_time, id"
query findings "SELECT f.report_id, f.control, f.rule, f.severity, f.decision, f.path, f.fingerprint, f.waiver_id, f.waiver_status, f.waiver_owner, f.waiver_expires, f.component, f.tier, f.introduced, f.present_at_head FROM findings f JOIN reports r ON r.id = f.report_id ORDER BY r.run_time, r.id, f.ordinal"
query waivers "SELECT report_id, waiver_id, status, severity, owner, approver, created, expires FROM waivers ORDER BY report_id, ordinal"
query components "SELECT report_id, name, tier, owners, present, complete, fresh FROM components ORDER BY report_id, ordinal"
query defaults "SELECT * FROM secure_defaults ORDER BY report_id"
rows=$(wc -l <"$work/findings.pg.csv")
[ "$rows" -gt 100 ] || { echo "ledger_postgres.sh: only $rows findings compared" >&2; status=1; }
[ $status -ne 0 ] || echo "ledger_postgres.sh: schema and $rows findings read alike in SQLite and PostgreSQL"
exit $status
