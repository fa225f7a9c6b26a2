#!/usr/bin/env python3
"""Writes riskgate JSON reports as a fleet of repositories' CI would leave them as artifacts:
pull-request checks (findings that block, get fixed or waived), nightly worktree audits with
secure-default counts, risk registers, threat-model statuses and monthly history audits.
Deterministic for a seed. Used by bench/ledger_bench.sh (10,000 reports) and by the dashboard's
headless-Chromium test (a small fleet).

  generate_reports.py OUT_DIR --reports N [--repositories R] [--seed S] [--end YYYY-MM-DD]
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import random

SEVERITIES = ["critical", "high", "medium", "low"]
RULES = [
    ("secrets", "github-pat-classic", "critical"),
    ("secrets", "aws-access-key-id", "critical"),
    ("secrets", "generic-api-key", "high"),
    ("secrets", "slack-webhook-url", "medium"),
    ("pins", "unpinned-action", "medium"),
    ("pins", "unpinned-image", "low"),
    ("pins", "script-injection", "high"),
    ("pins", "excessive-permissions", "medium"),
    ("custom", "no-debug-endpoints", "low"),
    ("reviews", "missing-approval", "high"),
]
OWNERS = ["team-payments", "team-identity", "team-web", "team-data", "team-platform"]


def digest(*parts):
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()


def stamp(day, seconds):
    t = dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds)
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def tool():
    return {"name": "riskgate", "version": "0.1.0"}


def run(repo, change, event, day, seconds):
    return {"repository": repo, "change": change, "event": event, "ci": True,
            "time": stamp(day, seconds)}


def finding(control, rule, severity, decision, fp, path, waiver=None, component=None,
            history=None):
    f = {
        "control": control, "rule": rule, "severity": severity, "decision": decision,
        "message": f"{rule} in {path}", "path": path, "line": 3, "column": 1,
        "commit": None, "fingerprint": fp, "secret": "ghp_..." if control == "secrets" else None,
        "occurrences": 1, "in_change": True,
        "remediation": [
            {"kind": "fix", "summary": "Fix it", "detail": "Remove it and load it at run time."},
            {"kind": "mitigate", "summary": "Reduce the blast radius", "detail": "Scope it."},
            {"kind": "accept", "summary": "Accept the risk with riskgate waive",
             "detail": "riskgate waive FINGERPRINT --owner OWNER"},
        ],
        "waiver": waiver, "baselined": False,
    }
    if component:
        f["component"] = component
    if history:
        f["history"] = history
    return f


def check_report(r, decision, findings, mode="range", controls=None, defaults=None):
    doc = {
        "tool": tool(), "decision": decision, "dry_run": False, "run": r,
        "policy": {"source": "<repo>/.riskgate.yaml", "sha256": digest("policy", r["repository"]),
                   "revision": None, "extends": [],
                   "controls": controls or ["secrets", "unscanned", "policy", "pins", "custom",
                                            "threat_model", "waivers"]},
        "scope": {"mode": mode, "description": f"{mode} scope", "base": None,
                  "head": digest("head", r["repository"], r["time"])[:40],
                  "commits": 1, "files_scanned": 10, "files_skipped": 0, "skipped": [],
                  "empty": False},
        "findings": findings,
        "summary": {"total": len(findings), "block": 0, "warn": 0, "pass": 0,
                    "suppressed_inline": 0, "inline_ignored": 0, "preexisting": 0,
                    "waived": 0, "baselined": 0, "omitted": 0, "capped_paths": [],
                    "run_cap_reached": False},
    }
    if defaults:
        doc["secure_defaults"] = defaults
    return doc


class Repository:
    def __init__(self, name, rng, end):
        self.name = name
        self.end = end
        self.rng = rng
        self.open = {}  # fingerprint -> (control, rule, severity, path, waiver id or None)
        self.waivers = {}  # id -> dict
        self.next_waiver = 1
        self.pull = 0
        self.reviews = rng.random() < 0.6
        self.pinned = rng.random()
        self.components = [(c, rng.choice(["high", "high", "medium", "low"]))
                           for c in rng.sample(["payments", "ledger", "auth", "web", "search"], 3)]

    def controls(self):
        base = ["secrets", "unscanned", "policy", "pins", "custom", "threat_model", "waivers"]
        return base + (["reviews"] if self.reviews else [])

    def pull_request(self, day, out):
        """A pull request: 1-4 runs over a few days; findings block, then are fixed or waived."""
        self.pull += 1
        change = f"pull/{self.pull}"
        findings = {}
        for _ in range(self.rng.choice([0, 0, 1, 1, 2, 3])):
            control, rule, severity = self.rng.choice(RULES)
            fp = digest(self.name, change, rule, self.rng.random())[:32]
            findings[fp] = (control, rule, severity, f"src/{rule}.py")
        model_gap = self.rng.random() < 0.15
        if model_gap:
            name, tier = self.rng.choice(self.components)
            fp = digest(self.name, change, "model")[:32]
            findings[fp] = ("threat_model", "threat-model-stale",
                            "high" if tier == "high" else "medium", f"src/{name}/x.py",
                            {"name": name, "tier": tier})
        seconds = self.rng.randrange(8 * 3600, 18 * 3600)
        for attempt in range(self.rng.choice([1, 2, 2, 3, 4])):
            when = day + dt.timedelta(days=attempt * self.rng.choice([0, 1, 1, 2, 3]))
            if when > self.end:
                break  # still open when the fleet's history ends
            listed = []
            decision = "pass"
            for fp, item in list(findings.items()):
                control, rule, severity, path = item[:4]
                component = item[4] if len(item) > 4 else None
                waiver = None
                d = "block" if severity in ("critical", "high") else "warn"
                if attempt > 0 and self.rng.random() < 0.5:
                    del findings[fp]  # fixed
                    continue
                if attempt > 0 and self.rng.random() < 0.3:
                    wid = f"W-{self.next_waiver}"
                    self.next_waiver += 1
                    expires = when + dt.timedelta(days=self.rng.choice([14, 30, 60, 90]))
                    owner = self.rng.choice(OWNERS)
                    self.waivers[wid] = {"created": when, "expires": expires, "owner": owner,
                                         "severity": severity, "fp": fp}
                    waiver = {"id": wid, "status": "active", "expires": expires.isoformat(),
                              "owner": owner, "approver": "sec-lead", "reason": "tracked",
                              "file": ".riskgate/waivers.yaml", "line": 1}
                    d = "pass"
                if d == "block":
                    decision = "block"
                elif d == "warn" and decision == "pass":
                    decision = "warn"
                listed.append(finding(control, rule, severity, d, fp, path, waiver, component))
            out(check_report(run(self.name, change, "pull_request", when, seconds + attempt * 60),
                             decision, listed, controls=self.controls()))
        for fp, item in findings.items():  # merged with what remained
            self.open[fp] = item

    def nightly(self, day, out):
        seconds = 2 * 3600
        listed = [finding(*item[:3], "warn", fp, item[3]) for fp, item in self.open.items()
                  if item[0] in ("secrets", "pins", "custom")]
        uses = self.rng.randint(5, 60)
        images = self.rng.randint(0, 12)
        workflows = self.rng.randint(1, 15)
        self.pinned = min(1.0, self.pinned + self.rng.random() * 0.02)
        defaults = {"workflows": workflows,
                    "workflows_with_permissions": int(workflows * self.pinned),
                    "uses": uses, "uses_pinned": int(uses * self.pinned),
                    "images": images, "images_pinned": int(images * self.pinned * 0.8)}
        out(check_report(run(self.name, "main", "schedule", day, seconds),
                         "warn" if listed else "pass", listed, mode="worktree",
                         controls=self.controls(), defaults=defaults))
        # Some fixes land on main: what the next audit no longer lists.
        for fp in list(self.open):
            if self.rng.random() < 0.1:
                del self.open[fp]

    def register(self, day, out):
        rows = []
        for wid, w in sorted(self.waivers.items()):
            if self.rng.random() < 0.05:
                w["expires"] = w["expires"] + dt.timedelta(days=30)  # renewed
            left = (w["expires"] - day).days
            status = "expired" if left < 0 else "expiring" if left <= 14 else "active"
            if w["fp"] not in self.open and status != "expired":
                status = "orphaned"
            rows.append({"id": wid, "status": status, "severity": w["severity"],
                         "owner": w["owner"], "approver": "sec-lead",
                         "created": w["created"].isoformat(), "expires": w["expires"].isoformat(),
                         "age_days": (day - w["created"]).days, "days_left": left,
                         "findings": 1 if w["fp"] in self.open else 0, "covers": "fingerprint",
                         "ticket": "SEC-1", "reason": "tracked", "file": ".riskgate/waivers.yaml",
                         "line": 1})
        out({"today": day.isoformat(), "waivers": rows, "tool": tool(), "kind": "waivers",
             "run": run(self.name, "main", "schedule", day, 3 * 3600),
             "commit": digest(self.name, day)[:40],
             "policy": {"source": "<repo>/.riskgate.yaml", "sha256": digest("policy", self.name)}})

    def status(self, day, out):
        components = []
        for name, tier in self.components:
            exists = self.rng.random() < 0.7
            fresh = exists and self.rng.random() < 0.8
            missing = [] if self.rng.random() < 0.7 else ["trust boundaries"]
            components.append({
                "name": name, "tier": tier, "owners": ["@acme/" + name],
                "usable": exists and fresh and not missing,
                "models": [{"path": f"docs/threat-models/{name}.md", "exists": exists,
                            "format": "markdown" if exists else None, "age_days": 10,
                            "fresh": fresh, "stale_reason": None, "error": None,
                            "missing_parts": missing, "open_residual_risks": 0,
                            "unowned_residual_risks": 0}]})
        out({"components": components, "high_tier_coverage": {"usable": 0, "total": 0},
             "tool": tool(), "kind": "threat-model-status",
             "run": run(self.name, "main", "schedule", day, 4 * 3600),
             "commit": digest(self.name, day)[:40],
             "policy": {"source": "<repo>/.riskgate.yaml", "sha256": digest("policy", self.name)}})

    def history(self, day, out):
        listed = []
        for fp, item in self.open.items():
            if item[0] != "secrets":
                continue
            introduced = stamp(day - dt.timedelta(days=self.rng.randint(1, 200)), 0)
            secs = int(dt.datetime.strptime(introduced, "%Y-%m-%dT%H:%M:%SZ")
                       .replace(tzinfo=dt.timezone.utc).timestamp())
            sighting = {"commit": "a" * 40, "author": "dev <dev@example.com>", "date": introduced,
                        "time": secs, "path": item[3], "line": 3, "column": 1, "kind": "added",
                        "generation": 1}
            listed.append(finding(*item[:3], "block", fp, item[3], history={
                "secret_id": fp, "present_at_head": True,
                "introduced": {k: sighting[k] for k in ("commit", "author", "date", "path",
                                                         "line")},
                "occurrences": [sighting]}))
        doc = check_report(run(self.name, "main", "schedule", day, 5 * 3600),
                           "block" if listed else "pass", listed, mode="history",
                           controls=["secrets", "custom"])
        doc["scope"]["history"] = {"refs": ["refs/heads/main"], "tip": "b" * 40, "commits": 100,
                                   "commits_walked": 100, "blobs_read": 10, "bytes_read": 1000,
                                   "shallow": False, "stopped_at": [], "missing_blobs": 0,
                                   "shard": None, "seconds": 1.0}
        out(doc)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--reports", type=int, required=True)
    parser.add_argument("--repositories", type=int, default=50)
    parser.add_argument("--seed", type=int, default=23)
    parser.add_argument("--end", default="2026-11-30")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    end = dt.date.fromisoformat(args.end)
    repos = [Repository(f"github.com/acme/service-{i:03d}", random.Random(rng.random()), end)
             for i in range(args.repositories)]
    os.makedirs(args.out, exist_ok=True)
    written = 0

    def out(doc):
        nonlocal written
        if written >= args.reports:
            return
        repo = doc["run"]["repository"].rsplit("/", 1)[1]
        folder = os.path.join(args.out, repo)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"{written:06d}.json"), "w") as f:
            json.dump(doc, f, indent=1)
        written += 1

    # Per repository and day: reports in the order CI would write them, until N are written.
    # About 3.4 reports per repository and day (a pull request's 2.4 runs, nightly audits on
    # weekdays, a weekly register and status): the span the fleet needs for N reports.
    per_day = 1
    days = max(14, int(args.reports / (args.repositories * 3.4) * 1.1) + 1)
    start = end - dt.timedelta(days=days)
    day = start
    while written < args.reports and day <= end:
        for repo in repos:
            for _ in range(per_day):
                repo.pull_request(day, out)
            if day.weekday() < 5:
                repo.nightly(day, out)
            if day.weekday() == 0:
                repo.register(day, out)
                repo.status(day, out)
            if day.day == 1:
                repo.history(day, out)
        day += dt.timedelta(days=1)
    print(f"wrote {written} reports for {len(repos)} repositories, {start} to {day}")


if __name__ == "__main__":
    main()
