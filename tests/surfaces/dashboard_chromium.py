#!/usr/bin/env python3
"""`riskgate dashboard` in a real browser: a fleet of generated reports (bench/ledger) is
ingested into a ledger, the HTML dashboard opened in headless Chromium (Debian's chromium
package) with its console logged: no console message at all (a script, a blocked fetch, a CSP
violation would each log one), no script or URL in the page, the figures of the JSON dashboard
from the same ledger present in the rendered text, and screenshots taken in light and dark mode
and a PDF printed.

  dashboard_chromium.py RISKGATE SOURCE_DIR [--screenshot PNG]

Without chromium the test reports itself skipped (RISKGATE_TEST_SKIPPED). --screenshot keeps the
light-mode picture (the README's is made this way); everything else stays in a temporary folder.
"""
import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
NOW = "2026-11-30"


def chromium(binary, work, name, *flags):
    """Runs chromium with a fresh profile; returns (stdout, stderr)."""
    profile = os.path.join(work, "profile-" + name)
    result = subprocess.run([binary, *CHROMIUM_FLAGS, "--user-data-dir=" + profile, *flags],
                            capture_output=True, text=True, timeout=180, cwd=work)
    if result.returncode != 0:
        sys.exit(f"chromium ({name}) failed with {result.returncode}: {result.stderr[-2000:]}")
    return result.stdout, result.stderr


def percent(value):
    return f"{value * 100:.1f}%"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("riskgate")
    parser.add_argument("source_dir")
    parser.add_argument("--screenshot")
    args = parser.parse_args()
    binary = shutil.which("chromium")
    if binary is None:
        print("RISKGATE_TEST_SKIPPED: chromium is not installed (tools/deps.sh installs it)")
        return 0
    failures = []
    with tempfile.TemporaryDirectory() as work:
        reports = os.path.join(work, "artifacts")
        subprocess.run([sys.executable,
                        os.path.join(args.source_dir, "bench/ledger/generate_reports.py"),
                        reports, "--reports", "600", "--repositories", "8", "--end", NOW],
                       check=True, capture_output=True)
        db = os.path.join(work, "ledger.sqlite")
        env = dict(os.environ, RISKGATE_NOW=NOW)
        subprocess.run([args.riskgate, "ledger", "ingest", "--db", db, reports], check=True,
                       capture_output=True, env=env)
        page = os.path.join(work, "dashboard.html")
        subprocess.run([args.riskgate, "dashboard", "--db", db, "--output", page], check=True,
                       env=env)
        figures = json.loads(subprocess.run(
            [args.riskgate, "dashboard", "--db", db, "--format", "json"], check=True,
            capture_output=True, text=True, env=env).stdout)
        source = open(page, encoding="utf-8").read()
        if re.search(r"<script", source, re.I):
            failures.append("the page has a script")
        if re.search(r"(src|href)\s*=\s*[\"']?(https?:|//)", source, re.I):
            failures.append("the page loads something from the network")
        if "Content-Security-Policy" not in source:
            failures.append("the page sets no Content-Security-Policy")

        url = "file://" + page
        dom, log = chromium(binary, work, "dom", "--enable-logging=stderr", "--v=0",
                            "--dump-dom", url)
        console = [line for line in log.splitlines() if ":CONSOLE" in line]
        if console:
            failures.append("console messages: " + " | ".join(console[:5]))
        text = html.unescape(re.sub(r"<[^>]+>", " ", dom))
        text = re.sub(r"\s+", " ", text)
        expected = [f"Figures as of {NOW}", f"{figures['reports']} reports",
                    f"{figures['repositories']} repositories"]
        friction = figures["friction"]
        expected.append(f"{friction['block']} of {friction['runs']} check runs")
        tm = figures["threat_models"]
        expected.append(f"{tm['high_tier_covered']} of {tm['high_tier_total']} components")
        if tm["share"] is not None:
            expected.append(percent(tm["share"]))
        adoption = figures["adoption"]
        if adoption["uses_pinned_share"] is not None:
            expected.append(percent(adoption["uses_pinned_share"]))
        for severity in ("critical", "high", "medium", "low"):
            count = sum(1 for r in figures["open_risks"] if r["severity"] == severity)
            expected.append(f"Open {severity} risks {count}")
        expected += [point["week"] for point in figures["trend"]]
        expected += [r["repository"] for r in figures["worst_repositories"][:5]]
        expected += [e["id"] for e in figures["exceptions"]["oldest"][:5]]
        print(f"the rendered page shows {len(expected)} figures of the JSON dashboard")
        for want in expected:
            if want not in text:
                failures.append(f"the rendered page does not show '{want}'")

        light = os.path.join(work, "light.png")
        dark = os.path.join(work, "dark.png")
        chromium(binary, work, "light", "--window-size=1280,1600", "--screenshot=" + light, url)
        chromium(binary, work, "dark", "--force-dark-mode", "--window-size=1280,1600",
                 "--screenshot=" + dark, url)
        pdf = os.path.join(work, "print.pdf")
        chromium(binary, work, "print", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, url)
        for path in (light, dark, pdf):
            if not os.path.exists(path) or os.path.getsize(path) < 10_000:
                failures.append(f"{os.path.basename(path)} was not made")
        if os.path.exists(light) and os.path.exists(dark) and \
                open(light, "rb").read() == open(dark, "rb").read():
            failures.append("dark mode renders exactly as light mode")
        if args.screenshot and os.path.exists(light):
            shutil.copyfile(light, args.screenshot)
    for failure in failures:
        print("dashboard_chromium.py: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
