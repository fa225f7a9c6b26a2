#!/usr/bin/env python3
"""Runs the clone lines of riskgate's GitLab job (the classic include and the CI/CD component)
with bash, as a runner would, against a stub `git` that records its arguments: the job fetches
exactly RISKGATE_REF from RISKGATE_REPO_URL, sends CI_JOB_TOKEN (as a one-command HTTP header)
only when that URL is on the job's own GitLab instance, and never prints the token.
Usage: gitlab_clone.py SOURCE_DIR. Exit 0 as described, 1 otherwise (every problem printed)."""
import base64
import os
import subprocess
import sys
import tempfile

import yaml

TOKEN = "job-token-value-0123"
SERVER = "https://gitlab.example.com"


def clone_lines(path):
    with open(path, encoding="utf-8") as f:
        documents = list(yaml.safe_load_all(f))
    job = documents[-1]["riskgate"]
    return [line for line in job["before_script"] if "riskgate-src" in line and "install" not in line]


def run(lines, repo_url, work):
    stub = os.path.join(work, "bin")
    os.makedirs(stub, exist_ok=True)
    log = os.path.join(work, "git.log")
    with open(os.path.join(stub, "git"), "w", encoding="utf-8") as f:
        f.write(f'#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done >> {log}\necho --- >> {log}\n')
    os.chmod(os.path.join(stub, "git"), 0o755)
    script = "\n".join(lines).replace("/opt/riskgate-src", os.path.join(work, "src"))
    env = dict(os.environ, PATH=stub + ":" + os.environ["PATH"], CI_SERVER_URL=SERVER,
               CI_JOB_TOKEN=TOKEN, RISKGATE_REPO_URL=repo_url, RISKGATE_REF="0123abcd")
    result = subprocess.run(["bash", "-e", "-c", script], env=env, capture_output=True, text=True)
    with open(log, encoding="utf-8") as f:
        calls = [c.strip("\n").split("\n") for c in f.read().split("---\n") if c.strip()]
    return result, calls


def main(root):
    problems = []
    header = "http.extraHeader=Authorization: Basic " + base64.b64encode(
        f"gitlab-ci-token:{TOKEN}".encode()).decode()
    for relative in ("action/riskgate.gitlab-ci.yml", "templates/riskgate.yml"):
        lines = clone_lines(os.path.join(root, relative))
        for url, authenticated in ((SERVER + "/security/riskgate.git", True),
                                   ("https://elsewhere.example/riskgate.git", False)):
            with tempfile.TemporaryDirectory() as work:
                result, calls = run(lines, url, work)
            where = f"{relative} cloning {url}"
            if result.returncode != 0:
                problems.append(f"{where}: exit {result.returncode}: {result.stderr.strip()}")
                continue
            fetch = [c for c in calls if "fetch" in c]
            if len(fetch) != 1 or fetch[0][-2:] != [url, "0123abcd"]:
                problems.append(f"{where}: no single fetch of RISKGATE_REF: {calls}")
            elif (header in fetch[0]) != authenticated:
                problems.append(f"{where}: job token header {'missing' if authenticated else 'sent'}")
            if any(TOKEN in arg for call in calls for arg in call):
                problems.append(f"{where}: the job token appears in a git argument as is")
            if TOKEN in result.stdout + result.stderr:
                problems.append(f"{where}: the job token is printed")
            if not any("checkout" in c and "FETCH_HEAD" in c for c in calls):
                problems.append(f"{where}: the fetched commit is not checked out")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
