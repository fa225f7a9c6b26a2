#!/usr/bin/env python3
"""Checks a GitHub Action's metadata file (action.yml) as GitHub's runner loads it: it must parse
as YAML (PyYAML; no duplicate keys) and match the metadata schema of a composite action
(https://docs.github.com/actions/sharing-automations/creating-actions/metadata-syntax-for-github-actions):
required name, description and runs; runs.using composite with steps that each run a shell command
(with its shell) or use an action; inputs and outputs of the documented shapes.
Usage: action_metadata.py ACTION_YML. Exit 0 valid, 1 invalid (every problem printed)."""
import sys

import jsonschema
import yaml


class UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys; GitHub's parser refuses them."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


EXPRESSION_OR = {"type": "string"}
STEP = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "id": {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_-]*$"},
        "if": {"type": ["string", "boolean"]},
        "run": {"type": "string"},
        "shell": {"type": "string"},
        "uses": {"type": "string"},
        "with": {"type": "object"},
        "env": {"type": "object", "additionalProperties": {"type": ["string", "number", "boolean"]}},
        "working-directory": {"type": "string"},
        "continue-on-error": {"type": ["string", "boolean"]},
    },
    "additionalProperties": False,
    # A composite step either runs a command (and must name its shell) or uses an action.
    "oneOf": [{"required": ["run", "shell"], "not": {"required": ["uses"]}},
              {"required": ["uses"], "not": {"required": ["run"]}}],
}
SCHEMA = {
    "type": "object",
    "required": ["name", "description", "runs"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "author": {"type": "string"},
        "description": {"type": "string", "minLength": 1},
        "branding": {
            "type": "object",
            "properties": {
                "icon": {"type": "string"},
                "color": {"enum": ["white", "black", "yellow", "blue", "green", "orange", "red",
                                   "purple", "gray-dark"]},
            },
            "additionalProperties": False,
        },
        "inputs": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_-]*$"},
            "additionalProperties": {
                "type": "object",
                "required": ["description"],
                "properties": {
                    "description": {"type": "string", "minLength": 1},
                    "required": {"type": "boolean"},
                    "default": EXPRESSION_OR,
                    "deprecationMessage": {"type": "string"},
                },
                "additionalProperties": False,
            },
        },
        "outputs": {
            "type": "object",
            "propertyNames": {"pattern": "^[A-Za-z_][A-Za-z0-9_-]*$"},
            "additionalProperties": {
                "type": "object",
                # A composite action's outputs must say which step value they carry.
                "required": ["description", "value"],
                "properties": {"description": {"type": "string"}, "value": {"type": "string"}},
                "additionalProperties": False,
            },
        },
        "runs": {
            "type": "object",
            "required": ["using", "steps"],
            "properties": {
                "using": {"const": "composite"},
                "steps": {"type": "array", "minItems": 1, "items": STEP},
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}


def main(path):
    try:
        with open(path, encoding="utf-8") as f:
            document = yaml.load(f, Loader=UniqueKeyLoader)
    except (OSError, yaml.YAMLError) as e:
        print(f"{path}: does not load: {e}")
        return 1
    validator = jsonschema.Draft202012Validator(SCHEMA)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for e in errors:
        where = ".".join(str(p) for p in e.absolute_path) or "(top level)"
        print(f"{path}: {where}: {e.message}")
    ids = [s.get("id") for s in (document.get("runs") or {}).get("steps", []) if isinstance(s, dict)]
    for name, output in (document.get("outputs") or {}).items():
        value = output.get("value", "") if isinstance(output, dict) else ""
        if "steps." in value and not any(f"steps.{i}.outputs." in value for i in ids if i):
            print(f"{path}: outputs.{name}: value names a step id no step has: {value}")
            errors.append(name)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
