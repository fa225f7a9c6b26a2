#!/usr/bin/env python3
"""Checks .pre-commit-hooks.yaml with the real pre-commit client installed here (Debian 12:
3.0.4): `pre-commit validate-manifest` must accept it and print nothing. Current releases (4.x)
cannot run offline, so their two differences are checked by rule: they warn on a manifest that
names the stages `commit`, `merge-commit` or `push` (clientlib.warn_for_stages_on_repo_init),
which 3.0.4 needs, so no stage may be named; and 4.4 reads `language: system` as `unsupported`,
which 3.0.4 does not know, so `system` stays.
Usage: pre_commit_manifest.py MANIFEST. Exit 0 valid, 1 invalid (every problem printed)."""
import subprocess
import sys

import yaml

LANGUAGES_OF_BOTH = {"system", "script", "python", "docker", "docker_image", "fail"}


def main(path):
    problems = []
    run = subprocess.run(["pre-commit", "validate-manifest", path], capture_output=True, text=True)
    if run.returncode != 0 or run.stdout.strip() or run.stderr.strip():
        problems.append(f"pre-commit validate-manifest (exit {run.returncode}): "
                        f"{run.stdout.strip()} {run.stderr.strip()}")
    with open(path, encoding="utf-8") as f:
        hooks = yaml.safe_load(f)
    for hook in hooks if isinstance(hooks, list) else []:
        if "stages" in hook:
            problems.append(f"{path}: hook {hook.get('id')}: `stages:` has no commit or push name "
                            "that both pre-commit 3.0.4 and current releases accept silently")
        if hook.get("language") not in LANGUAGES_OF_BOTH:
            problems.append(f"{path}: hook {hook.get('id')}: language {hook.get('language')!r} "
                            "is not known to both 3.0.4 and current releases")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
