#!/usr/bin/python3
"""The dashboard's machine formats read by the parsers of the tools that load them: the
OpenMetrics text by prometheus_client's OpenMetrics parser (Debian python3-prometheus-client,
what Prometheus-compatible scrapers implement), the Markdown by cmark-gfm with GitHub's table and
autolink extensions (what GitHub and GitLab render comments with), the CSV by Python's csv
module. A fleet of generated reports plus one whose names are hostile (markup, a URL, a pipe, a
formula) is ingested; each format must parse, carry the JSON dashboard's figures, and render no
link, script or extra table cell from a name.

  dashboard_parsers.py RISKGATE SOURCE_DIR

Reports itself skipped (RISKGATE_TEST_SKIPPED) when prometheus_client or cmark-gfm is missing.
"""
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

NOW = "2026-11-30"
HOSTILE = 'evil.example/<script>x</script>|=SUM(A1) http://evil.example/login www.evil.example'


def main():
    riskgate, source = sys.argv[1], sys.argv[2]
    try:
        from prometheus_client.openmetrics.parser import text_string_to_metric_families
    except ImportError:
        print("RISKGATE_TEST_SKIPPED: python3-prometheus-client is not installed")
        return 0
    if shutil.which("cmark-gfm") is None:
        print("RISKGATE_TEST_SKIPPED: cmark-gfm is not installed")
        return 0
    failures = []
    env = dict(os.environ, RISKGATE_NOW=NOW)
    with tempfile.TemporaryDirectory() as work:
        reports = os.path.join(work, "artifacts")
        subprocess.run([sys.executable, os.path.join(source, "bench/ledger/generate_reports.py"),
                        reports, "--reports", "300", "--repositories", "5", "--end", NOW],
                       check=True, capture_output=True)
        # One more report, of a repository whose name and rule are hostile.
        sample = None
        for root, _, names in os.walk(reports):
            for name in sorted(names):
                doc = json.load(open(os.path.join(root, name)))
                if doc.get("findings"):
                    sample = doc
                    break
            if sample:
                break
        sample["run"]["repository"] = HOSTILE
        sample["findings"][0]["rule"] = HOSTILE
        json.dump(sample, open(os.path.join(reports, "hostile.json"), "w"))
        db = os.path.join(work, "ledger.sqlite")
        subprocess.run([riskgate, "ledger", "ingest", "--db", db, reports], check=True,
                       capture_output=True, env=env)

        def dashboard(fmt):
            return subprocess.run([riskgate, "dashboard", "--db", db, "--format", fmt],
                                  check=True, capture_output=True, text=True, env=env).stdout

        figures = json.loads(dashboard("json"))

        # OpenMetrics: the strict parser reads every family; figures match the JSON's.
        families = {f.name: f for f in text_string_to_metric_families(dashboard("openmetrics"))}
        if len(families) < 10:
            failures.append(f"OpenMetrics: only {len(families)} metric families")
        runs = {s.labels.get("decision"): s.value
                for s in families.get("riskgate_gate_runs", type("", (), {"samples": []})).samples}
        if runs.get("block") != figures["friction"]["block"]:
            failures.append(f"OpenMetrics: gate runs blocked {runs.get('block')}, JSON says "
                            f"{figures['friction']['block']}")
        repositories = {s.labels.get("repository") for f in families.values() for s in f.samples}
        if HOSTILE not in repositories:
            failures.append("OpenMetrics: the hostile repository name did not read back intact")

        # Markdown: tables keep their columns, nothing from a name becomes a link or markup.
        markdown = dashboard("markdown")
        rendered = subprocess.run(["cmark-gfm", "-e", "table", "-e", "autolink"],
                                  input=markdown, capture_output=True, text=True, check=True).stdout
        if re.search(r"<a\s", rendered):
            failures.append("Markdown: a link was rendered: " +
                            re.search(r"<a\s[^>]*>", rendered).group(0))
        if "<script" in rendered:
            failures.append("Markdown: a script element was rendered")
        for table in re.findall(r"<table>.*?</table>", rendered, re.S):
            header = len(re.findall(r"<th[ >]", table.split("</thead>")[0]))
            for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[-1], re.S):
                cells = len(re.findall(r"<td[ >]", row))
                if cells != header:
                    failures.append(f"Markdown: a row of {cells} cells under {header} headers")
                    break
        if f"Figures as of <strong>{NOW}</strong>" not in rendered:
            failures.append("Markdown: the date line is missing")

        # CSV: Python's reader; five columns everywhere; no cell a spreadsheet would run.
        rows = list(csv.reader(io.StringIO(dashboard("csv"))))
        if rows[0] != ["section", "repository", "name", "dimension", "value"]:
            failures.append(f"CSV: header {rows[0]}")
        for row in rows:
            if len(row) != 5:
                failures.append(f"CSV: a row of {len(row)} fields: {row}")
                break
            if any(cell[:1] in ("=", "+", "@") for cell in row):
                failures.append(f"CSV: a formula cell: {row}")
                break
        print(f"OpenMetrics: {len(families)} families; Markdown: "
              f"{len(re.findall('<table>', rendered))} tables; CSV: {len(rows)} rows")
    for failure in failures:
        print("dashboard_parsers.py: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
