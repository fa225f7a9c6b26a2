#!/usr/bin/env python3
"""Checks riskgate's GitLab CI files the way GitLab reads them: the classic include
(action/riskgate.gitlab-ci.yml) and the CI/CD component (templates/riskgate.yml, a `spec:`
header document, then the jobs). Each must parse as YAML and match the structure of GitLab's
CI schema for the keywords it uses (https://docs.gitlab.com/ci/yaml/); the component's
`$[[ inputs.x ]]` must all be declared and used; both must define the same job; the job must be
switchable off (RISKGATE_DISABLED), clone with CI_JOB_TOKEN, and install (action/install.sh)
and run the version it pins.
Usage: gitlab_template.py SOURCE_DIR. Exit 0 valid, 1 invalid (every problem printed)."""
import os
import re
import sys

import jsonschema
import yaml

STRING_LIST = {"type": "array", "items": {"type": "string"}}
VARIABLES = {
    "type": "object",
    "additionalProperties": {
        "oneOf": [{"type": ["string", "number"]},
                  {"type": "object", "required": ["value"],
                   "properties": {"value": {"type": "string"}, "description": {"type": "string"},
                                  "options": STRING_LIST, "expand": {"type": "boolean"}},
                   "additionalProperties": False}]},
}
JOB = {
    "type": "object",
    "required": ["script"],
    "properties": {
        "stage": {"type": "string"},
        "image": {"type": "string"},
        "variables": VARIABLES,
        "rules": {"type": "array", "items": {
            "type": "object",
            "properties": {
                "if": {"type": "string"},
                "when": {"enum": ["on_success", "on_failure", "always", "never", "manual",
                                  "delayed"]},
                "changes": STRING_LIST, "exists": STRING_LIST,
                "allow_failure": {"type": "boolean"}, "variables": VARIABLES,
            },
            "additionalProperties": False}},
        "before_script": STRING_LIST,
        "script": {**STRING_LIST, "minItems": 1},
        "after_script": STRING_LIST,
        "allow_failure": {"oneOf": [
            {"type": "boolean"},
            {"type": "object", "required": ["exit_codes"],
             "properties": {"exit_codes": {"oneOf": [{"type": "integer"},
                                                      {"type": "array",
                                                       "items": {"type": "integer"}}]}},
             "additionalProperties": False}]},
        "artifacts": {
            "type": "object",
            "properties": {
                "when": {"enum": ["on_success", "on_failure", "always"]},
                "paths": STRING_LIST, "exclude": STRING_LIST, "expire_in": {"type": "string"},
                "name": {"type": "string"}, "expose_as": {"type": "string"},
                "untracked": {"type": "boolean"},
                "reports": {"type": "object", "propertyNames": {"enum": [
                    "codequality", "junit", "sast", "secret_detection", "dotenv",
                    "dependency_scanning", "container_scanning", "annotations"]},
                    "additionalProperties": {"oneOf": [{"type": "string"}, STRING_LIST]}},
            },
            "additionalProperties": False},
    },
    "additionalProperties": False,
}
CLASSIC = {"type": "object", "properties": {"variables": VARIABLES},
           "additionalProperties": JOB}
SPEC = {
    "type": "object", "required": ["spec"], "additionalProperties": False,
    "properties": {"spec": {
        "type": "object", "required": ["inputs"], "additionalProperties": False,
        "properties": {
            "component": {"type": "array",
                          "items": {"enum": ["name", "sha", "version", "reference"]}},
            "inputs": {"type": "object", "additionalProperties": {
                "type": "object", "required": ["description"],
                "properties": {"default": {}, "description": {"type": "string"},
                               "type": {"enum": ["string", "number", "boolean", "array"]},
                               "options": {"type": "array"}, "regex": {"type": "string"}},
                "additionalProperties": False}},
        }}},
}

problems = []


def check(document, schema, where):
    for e in jsonschema.Draft202012Validator(schema).iter_errors(document):
        path = ".".join(str(p) for p in e.absolute_path) or "(top level)"
        problems.append(f"{where}: {path}: {e.message}")


def load_all(path):
    try:
        with open(path, encoding="utf-8") as f:
            return list(yaml.safe_load_all(f))
    except (OSError, yaml.YAMLError) as e:
        problems.append(f"{path}: does not load: {e}")
        return None


def check_job(job, where, expected_ref):
    if not isinstance(job, dict):
        return
    rules = job.get("rules") or []
    first = rules[0] if rules else {}
    if "RISKGATE_DISABLED" not in first.get("if", "") or first.get("when") != "never":
        problems.append(f"{where}: the first rule must skip the job when RISKGATE_DISABLED is set")
    before = "\n".join(job.get("before_script") or [])
    if "CI_JOB_TOKEN" not in before or "$CI_SERVER_URL\"/*)" not in before:
        problems.append(f"{where}: the clone must authenticate with CI_JOB_TOKEN on this instance only")
    if "\"$RISKGATE_REF\"" not in before:
        problems.append(f"{where}: the clone must build RISKGATE_REF")
    install = [line for line in job.get("before_script") or [] if "action/install.sh" in line]
    if len(install) != 1 or "RISKGATE_INSTALL_DIR=/opt/riskgate " not in install[0]:
        problems.append(f"{where}: one before_script line must run action/install.sh into /opt/riskgate")
    script = " ".join(job.get("script") or []).split()
    if script[:2] != ["/opt/riskgate/bin/riskgate", "check"]:
        problems.append(f"{where}: the script must run the installed /opt/riskgate/bin/riskgate check")
    if "curl" not in before:
        problems.append(f"{where}: the image needs curl for install.sh's download")
    ref = (job.get("variables") or {}).get("RISKGATE_REF", expected_ref)
    if ref != expected_ref:
        problems.append(f"{where}: RISKGATE_REF is {ref!r}, not {expected_ref!r}")


def main(root):
    with open(os.path.join(root, "CMakeLists.txt"), encoding="utf-8") as f:
        version = re.search(r"project\(riskgate VERSION ([0-9.]+)", f.read()).group(1)
    classic_path = os.path.join(root, "action/riskgate.gitlab-ci.yml")
    component_path = os.path.join(root, "templates/riskgate.yml")
    classic = load_all(classic_path)
    if classic is not None:
        if len(classic) != 1:
            problems.append(f"{classic_path}: one YAML document expected, not {len(classic)}")
        classic = classic[0]
        check(classic, CLASSIC, classic_path)
        own = "v" + version
        if (classic.get("variables") or {}).get("RISKGATE_REF") != own:
            problems.append(f"{classic_path}: RISKGATE_REF must default to {own}, this version")
        check_job(classic.get("riskgate"), classic_path, own)
    with open(component_path, encoding="utf-8") as f:
        text = f.read()
    documents = load_all(component_path)
    if documents is not None:
        if len(documents) != 2:
            problems.append(f"{component_path}: a spec header and one document of jobs expected")
        else:
            header, jobs = documents
            check(header, SPEC, component_path)
            check(jobs, {"type": "object", "additionalProperties": JOB}, component_path)
            spec = header.get("spec") or {}
            declared = set((spec.get("inputs") or {}).keys())
            body = text.split("\n---\n", 1)[1]
            used = set(re.findall(r"\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*\]\]", body))
            for name in sorted(used - declared):
                problems.append(f"{component_path}: $[[ inputs.{name} ]] is not declared")
            for name in sorted(declared - used):
                problems.append(f"{component_path}: input {name} is never used")
            for name in set(re.findall(r"\$\[\[\s*component\.(\w+)", body)):
                if name not in (spec.get("component") or []):
                    problems.append(f"{component_path}: component.{name} needs spec:component")
            check_job(jobs.get("riskgate"), component_path, "$[[ component.sha ]]")
            if classic is not None and isinstance(jobs.get("riskgate"), dict):
                same_job(classic, jobs["riskgate"], header, classic_path, component_path)
    for p in problems:
        print(p)
    return 1 if problems else 0


def same_job(classic, component_job, header, classic_path, component_path):
    """The component's job, its inputs at their defaults, is the classic include's job."""
    inputs = {k: v.get("default") for k, v in header["spec"]["inputs"].items()}
    text = yaml.safe_dump(component_job, sort_keys=True)
    text = re.sub(r"\$\[\[\s*inputs\.(\w+)\s*\]\]", lambda m: str(inputs[m.group(1)]), text)
    resolved = yaml.safe_load(text)
    variables = resolved.get("variables", {})
    for name in ("RISKGATE_REPO_URL", "RISKGATE_REF", "RISKGATE_ARGS", "RISKGATE_VERSION",
                 "RISKGATE_RELEASE_URL"):
        variables.pop(name, None)
    expected = dict(classic["riskgate"])
    if resolved != expected:
        problems.append(f"{component_path}: its job differs from the one in {classic_path}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
