#!/usr/bin/env python3
"""Build a deterministic synthetic git history with planted fake secrets (for `riskgate history`).

Usage: bench/make_history_corpus.py OUTDIR [--commits N] [--seed S] [--secrets K]
  OUTDIR         created if missing (must not already hold a corpus); it receives
                   OUTDIR/repo          the git repository, main checked out
                   OUTDIR/planted.json  one entry per planted secret introduction (see below)
                   OUTDIR/marks         git fast-import marks (mark -> object id)
  --commits N    commits in the history, merges included (default 5000, at least 200)
  --seed S       integer seed (default 1); the same arguments give byte-identical commit ids
  --secrets K    distinct fake secrets to plant (default 40)

The history is written with one `git fast-import` stream. It has several hundred code-like text
files (.py/.go/.js/.c/.md/.yaml, 50-600 lines, in nested folders) and a few binary files.
Each commit edits, inserts or deletes a few lines in 1-6 files; some commits add or delete
files, about 2% rename one (delete plus add of the same blob). Feature branches fork from main
and are merged back with merge commits (about 3% of all commits are merges); long-lived
branches also merge main in. At the end the refs are main, two unmerged branches, an annotated
tag and a lightweight tag. Harmless look-alikes (password = os.environ["DB_PASSWORD"], the AWS
documentation key, ghp_xxxx... placeholders) are sprinkled in and must not be reported.

The fake secrets use formats of riskgate's default rule pack: GitHub classic PAT, AWS access key
id, Slack bot token, Stripe live secret key and GitLab PAT, with random bodies from the seed.
They are planted on main, on side branches later merged, on unmerged branches, copied into a
second file later, removed later (absent at HEAD) and in files renamed later.
planted.json lists, for each introduction: secret_prefix (8 characters), rule_hint (provider),
rule (expected rule id), kind, commit (full id of the introducing commit), path, line, branch,
present_at_head, and renamed_to / removed_in where they apply. No full secret is ever printed
or written outside the repository.

At the end a self-check with the git CLI verifies that each planted secret is present in its
commit's version of its path and absent from every parent's version, and that present_at_head
matches HEAD; then one summary line is printed. Exit 0 on success, 1 if the self-check fails,
2 on bad usage or if git fails.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys

BASE_TS = 1735689600  # 2025-01-01T00:00:00Z
PEOPLE = [
    ("Ada Byrne", "ada.byrne@example.invalid"),
    ("Bao Tran", "bao.tran@example.invalid"),
    ("Carmen Ruiz", "carmen.ruiz@example.invalid"),
    ("Dmitri Volkov", "dmitri.volkov@example.invalid"),
    ("Efua Mensah", "efua.mensah@example.invalid"),
    ("Farid Haddad", "farid.haddad@example.invalid"),
    ("Greta Lund", "greta.lund@example.invalid"),
    ("Hiro Tanaka", "hiro.tanaka@example.invalid"),
    ("Ines Costa", "ines.costa@example.invalid"),
    ("Jonas Weber", "jonas.weber@example.invalid"),
]
# No word here may form key/secret/token/password-like identifiers (the generic rules).
WORDS = ("account user order invoice payment cache session request response handler queue "
         "worker metric event record batch report config router client server buffer stream "
         "table index schema query filter mapper parser loader writer reader item price "
         "customer vendor ledger shipment route zone region tenant profile audit policy rule "
         "job task step stage pipeline artifact build deploy release node cluster volume").split()
VERBS = ("get set load save parse build render compute update delete create find check apply "
         "merge sync fetch store drop").split()
TOPS = ["src", "pkg", "services", "lib", "internal", "web", "tools", "deploy", "docs", "cmd"]
EXTS = [".py"] * 5 + [".go"] * 4 + [".js"] * 4 + [".c"] * 2 + [".yaml"] * 3 + [".md"] * 2
MIN_LINES, MAX_LINES = 50, 600

ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
DIGITS = "0123456789"
STOPWORDS = ("example", "sample", "dummy", "placeholder", "changeme", "xxxxxxxx")
# provider -> (rule_hint, rule id, variable names)
PROVIDERS = {
    "github": ("GitHub", "github-pat-classic", ["GITHUB_TOKEN", "gh_pat", "GH_TOKEN"]),
    "aws": ("AWS", "aws-access-key-id", ["AWS_ACCESS_KEY_ID", "aws_access_key_id", "awsKeyId"]),
    "slack": ("Slack", "slack-bot-token", ["SLACK_BOT_TOKEN", "slack_bot", "slackBot"]),
    "stripe": ("Stripe", "stripe-secret-key", ["STRIPE_SECRET_KEY", "stripe_live", "stripeLive"]),
    "gitlab": ("GitLab", "gitlab-pat", ["GITLAB_TOKEN", "gl_pat", "glToken"]),
}


def shannon(s):
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in (s.count(ch) for ch in sorted(set(s))))


def make_secret(r, provider):
    """A random body in the provider's format; rejects low entropy and stopwords."""
    while True:
        if provider == "github":
            body = "".join(r.choice(ALNUM) for _ in range(36))
            s, core = "ghp_" + body, body
        elif provider == "aws":
            body = "".join(r.choice(B32) for _ in range(16))
            s, core = "AKIA" + body, body
        elif provider == "slack":
            a = r.choice("123456789") + "".join(r.choice(DIGITS) for _ in range(r.randint(10, 12)))
            b = r.choice("123456789") + "".join(r.choice(DIGITS) for _ in range(r.randint(11, 12)))
            c = "".join(r.choice(ALNUM) for _ in range(24))
            s, core = f"xoxb-{a}-{b}-{c}", c
        elif provider == "stripe":
            body = "".join(r.choice(ALNUM) for _ in range(r.choice([24, 34, 99])))
            s, core = "sk_live_" + body, body
        else:  # gitlab
            body = "".join(r.choice(ALNUM + "_-") for _ in range(20))
            if body[-1] in "_-":
                continue
            s, core = "glpat-" + body, body
        if shannon(s) <= 3.5 or shannon(core) <= 3.3:
            continue
        if any(w in s.lower() for w in STOPWORDS):
            continue
        return s


# ------------------------------------------------------------------------------------------------
# Code-like text.

def ident(r, n=2, sep="_"):
    return sep.join(r.choice(WORDS) for _ in range(n))


def camel(r, n=2):
    w = [r.choice(WORDS) for _ in range(n)]
    return w[0] + "".join(x.capitalize() for x in w[1:])


def pascal(r, n=2):
    return "".join(r.choice(WORDS).capitalize() for _ in range(n))


def sentence(r, lo=4, hi=11):
    return " ".join(r.choice(WORDS + VERBS) for _ in range(r.randint(lo, hi)))


def block_py(r):
    f, a = r.choice(VERBS) + "_" + ident(r), ident(r, 1)
    out = [f"def {f}({a}, {ident(r, 1)}s=None, limit={r.randint(1, 500)}):",
           f'    """{sentence(r).capitalize()}."""', "    result = []"]
    for _ in range(r.randint(1, 5)):
        k = r.randint(0, 3)
        if k == 0:
            out += [f"    for item in {a}.{ident(r, 1)}s:", f"        if item.{ident(r, 1)} > {r.randint(0, 99)}:",
                    "            result.append(item)"]
        elif k == 1:
            out += [f"    # {sentence(r)}", f'    {ident(r)} = {a}.get("{ident(r, 1)}", {r.randint(0, 9)})']
        elif k == 2:
            out += ["    if len(result) >= limit:", f'        log.debug("{sentence(r, 2, 6)}")',
                    "        return result[:limit]"]
        else:
            out += [f"    {ident(r)} = {r.choice(VERBS)}_{ident(r, 1)}({a}, {r.randint(0, 64)})"]
    return out + ["    return result", ""]


def block_go(r):
    f, t = pascal(r), pascal(r, 1)
    out = [f"// {f} {sentence(r)}.", f"func {f}(ctx context.Context, in []*{t}) ([]*{t}, error) {{",
           f"\tout := make([]*{t}, 0, len(in))"]
    for _ in range(r.randint(1, 5)):
        k = r.randint(0, 2)
        if k == 0:
            out += ["\tfor _, v := range in {", f"\t\tif v.{pascal(r, 1)} > {r.randint(0, 99)} {{",
                    "\t\t\tout = append(out, v)", "\t\t}", "\t}"]
        elif k == 1:
            out += [f"\t// {sentence(r)}", "\tif err := ctx.Err(); err != nil {",
                    f'\t\treturn nil, fmt.Errorf("{ident(r, 1)}: %w", err)', "\t}"]
        else:
            out += [f"\t{camel(r)} := {camel(r)}(len(out), {r.randint(0, 64)})", f"\t_ = {camel(r, 1)}"]
    return out + ["\treturn out, nil", "}", ""]


def block_js(r):
    f, a = r.choice(VERBS) + pascal(r), camel(r, 1)
    out = [f"/** {sentence(r).capitalize()}. */", f"export async function {f}({a}, opts = {{}}) {{",
           "  const result = [];"]
    for _ in range(r.randint(1, 5)):
        k = r.randint(0, 2)
        if k == 0:
            out += [f"  for (const item of {a}) {{", f"    if (item.{camel(r, 1)} > {r.randint(0, 99)}) {{",
                    "      result.push(item);", "    }", "  }"]
        elif k == 1:
            out += [f"  // {sentence(r)}", f"  const {camel(r)} = await opts.{r.choice(VERBS)}?.({r.randint(0, 64)});"]
        else:
            out += [f"  if (result.length > {r.randint(10, 500)}) {{", f"    throw new Error('{sentence(r, 2, 6)}');", "  }"]
    return out + ["  return result;", "}", ""]


def block_c(r):
    out = [f"/* {sentence(r)}. */", f"static int {r.choice(VERBS)}_{ident(r)}(const struct {ident(r, 1)} *in, size_t n)",
           "{", "    int acc = 0;"]
    for _ in range(r.randint(1, 5)):
        k = r.randint(0, 2)
        if k == 0:
            out += ["    for (size_t i = 0; i < n; ++i) {", f"        if (in[i].{ident(r, 1)} > {r.randint(0, 99)})",
                    "            acc += 1;", "    }"]
        elif k == 1:
            out += [f"    /* {sentence(r)} */", f"    acc ^= {r.randint(0, 65535)};"]
        else:
            out += [f"    if (acc > {r.randint(100, 9999)})", "        return -1;"]
    return out + ["    return acc;", "}", ""]


def block_yaml(r):
    out = [f"{ident(r)}:", f"  # {sentence(r)}", f"  enabled: {r.choice(['true', 'false'])}",
           f"  replicas: {r.randint(1, 12)}",
           f"  image: registry.example.invalid/{ident(r, 1, '-')}:{r.randint(1, 9)}.{r.randint(0, 30)}"]
    if r.random() < 0.25:
        out.append("  digest: sha256:" + "".join(r.choice("0123456789abcdef") for _ in range(64)))
    out.append("  env:")
    for _ in range(r.randint(1, 4)):
        out += [f"    - name: {ident(r).upper()}", f'      value: "{ident(r, 1)}-{r.randint(0, 999)}"']
    return out


def block_md(r):
    out = [f"## {sentence(r, 2, 6).capitalize()}", ""]
    for _ in range(r.randint(1, 3)):
        out += [sentence(r).capitalize() + ". " + sentence(r) + ".", ""]
    if r.random() < 0.3:
        out += ["```sh", f"make {ident(r, 1, '-')} {ident(r, 1).upper()}={r.randint(0, 9)}", "```", ""]
    return out


BLOCK = {".py": block_py, ".go": block_go, ".js": block_js, ".c": block_c, ".yaml": block_yaml, ".md": block_md}


def lookalikes(ext):
    """Harmless lines that resemble credentials; built at run time (no key-shaped literal here)."""
    placeholder = "ghp_" + "x" * 36
    docs_key = "AKIA" + "IOSFODNN7" + "EXAMPLE"
    return {
        ".py": ['password = os.environ["DB_PASSWORD"]', 'token = request.headers.get("Authorization", "")',
                'api_key = settings.API_KEY  # injected by the deploy job'],
        ".go": ['password := os.Getenv("DB_PASSWORD")', 'secretName := cfg.SecretRef("db/credentials")'],
        ".js": ["const password = process.env.DB_PASSWORD;", "const apiKey = config.get('stripe.apiKey');"],
        ".c": ['const char *password = getenv("DB_PASSWORD");'],
        ".yaml": ["password: ${DB_PASSWORD}", 'token: "{{ .Values.apiTokenRef }}"'],
        ".md": ['Set `password = os.environ["DB_PASSWORD"]` in your settings module; never inline it.',
                f"A classic token looks like `{placeholder}` (never commit a real one).",
                f"The AWS documentation uses `{docs_key}` as its sample access key id.",
                "Export `SLACK_BOT_TOKEN=xoxb-your-token` before running the bot locally."],
    }[ext]


def header(ext, r, path):
    name = os.path.splitext(os.path.basename(path))[0].replace("_", "")
    return {".py": [f'"""{sentence(r).capitalize()}."""', "import logging", "import os", "",
                    "log = logging.getLogger(__name__)", ""],
            ".go": [f"// Package {name} {sentence(r)}.", f"package {name}", "", "import (", '\t"context"', '\t"fmt"', ")", ""],
            ".js": [f"// {sentence(r)}", "'use strict';", ""],
            ".c": [f"/* {sentence(r)} */", "#include <stddef.h>", "#include <stdlib.h>", ""],
            ".yaml": [f"# {sentence(r)}", "apiVersion: v1", f"kind: {pascal(r, 1)}", ""],
            ".md": [f"# {pascal(r)}", ""]}[ext]


def snippet(r, ext, n):
    out = []
    while len(out) < n:
        out += BLOCK[ext](r)
    return out[:n]


def new_text(r, path):
    ext = os.path.splitext(path)[1]
    n = int(MIN_LINES + (MAX_LINES - MIN_LINES) * r.random() ** 2.2)
    lines = header(ext, r, path)
    lines += snippet(r, ext, n - len(lines))
    if r.random() < 0.12:
        at = r.randint(len(lines) // 3, len(lines) - 1)
        lines[at:at] = lookalikes(ext)
    return lines


def new_binary(r, size=None):
    size = size or r.randint(1024, 16384)
    data = bytearray(r.randbytes(size))
    for i in range(0, size, r.randint(7, 40)):
        data[i] = 0
    return bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + data)


def secret_line(r, ext, provider, s):
    var = r.choice(PROVIDERS[provider][2])
    forms = {
        ".py": [f'{var} = "{s}"', f'    client = Client({var.lower()}="{s}")', f"# old value, rotate me: {s}"],
        ".go": [f'const {var} = "{s}"', f'\tcfg.Credential = "{s}" // temporary'],
        ".js": [f"const {var} = '{s}';", f'  {var}: "{s}",'],
        ".c": [f'static const char *{var.lower()} = "{s}";', f'#define {var.upper()} "{s}"'],
        ".yaml": [f"  {var.lower()}: {s}", f'      value: "{s}"'],
        ".md": [f"    export {var.upper()}={s}", f"Use `{s}` for the staging bot."],
    }[ext]
    return r.choice(forms)


# ------------------------------------------------------------------------------------------------
# The plan: which ref each commit is on, where branches fork and merge.

class Branch:
    def __init__(self, bid, name, kind, length, sync_every=0):
        self.bid, self.name, self.kind, self.length, self.sync_every = bid, name, kind, length, sync_every
        self.done = 0
        self.since_sync = 0
        self.steps = []
        self.merged_at = None


def plan(n, r):
    steps = [("root", "main")]
    branches = {}
    open_ = []
    unmerged_at = {int(n * 0.55): ("experiment", "unmerged"), int(n * 0.86): ("wip", "unmerged")}
    used_names = set()

    def open_branch(i, prefix, kind):
        while True:
            name = f"{prefix}/{ident(r, 2, '-')}"
            if name not in used_names:
                break
        used_names.add(name)
        if kind == "long":
            b = Branch(len(branches), name, kind, r.randint(80, 220), r.randint(20, 45))
        elif kind == "feature":
            b = Branch(len(branches), name, kind, r.randint(2, 14))
        else:
            b = Branch(len(branches), name, kind, 10 ** 9)
        branches[b.bid] = b
        open_.append(b)
        b.done = 1
        b.steps.append(i)
        steps.append(("fork", b.bid))

    for i in range(1, n):
        rem = n - i
        if i in unmerged_at:
            open_branch(i, *unmerged_at[i])
            continue
        mergeable = [b for b in open_ if b.kind != "unmerged"]
        due = [b for b in mergeable if b.done >= b.length]
        if due or (mergeable and rem <= len(mergeable) + 3):
            b = (due or mergeable)[0]
            steps.append(("merge", b.bid))
            b.merged_at = i
            open_.remove(b)
            continue
        syncs = [b for b in mergeable if b.kind == "long" and b.since_sync >= b.sync_every]
        if syncs:
            b = syncs[0]
            steps.append(("sync", b.bid))
            b.since_sync = 0
            continue
        if len(mergeable) < 4 and rem > 40 and r.random() < 0.08:
            kind = "long" if r.random() < 0.06 and rem > 400 else "feature"
            open_branch(i, "release" if kind == "long" else "feature", kind)
            continue
        if open_ and r.random() < 0.42:
            weights = [0.3 if b.kind == "unmerged" else 1.0 for b in open_]
            b = r.choices(open_, weights)[0]
            b.done += 1
            b.since_sync += 1
            b.steps.append(i)
            steps.append(("commit", b.bid))
        else:
            steps.append(("commit", "main"))
    return steps, branches


def assign_secrets(n, k, steps, branches, r):
    """Decide which step plants which secret, and the later removal/rename/copy steps."""
    main_steps = [i for i, (kind, ref) in enumerate(steps) if kind == "commit" and ref == "main"]
    merged_steps = [i for b in branches.values() if b.kind != "unmerged" for i in b.steps]
    unmerged_steps = [i for b in branches.values() if b.kind == "unmerged" for i in b.steps]
    n_unmerged = min(len(unmerged_steps), max(1, round(k * 0.1))) if k >= 3 else 0
    n_branch = min(len(merged_steps), round(k * 0.2))
    n_removed = 2 if k >= 8 else (1 if k >= 4 else 0)
    n_renamed = 2 if k >= 8 else (1 if k >= 5 else 0)
    n_copy = 2 if k >= 10 else (1 if k >= 2 else 0)
    n_main = k - n_unmerged - n_branch - n_removed - n_renamed
    kinds = (["main"] * n_main + ["merged-branch"] * n_branch + ["unmerged-branch"] * n_unmerged
             + ["removed"] * n_removed + ["renamed"] * n_renamed)
    provs = sorted(PROVIDERS)
    order = [provs[i % len(provs)] for i in range(k)]
    r.shuffle(order)
    events = {}  # step -> (action, secret index)
    used = set()

    def pick(pool, lo, hi):
        cand = [i for i in pool if lo <= i < hi and i not in used]
        if not cand:
            raise SystemExit("make_history_corpus: history too short for the secrets asked; "
                             "use more --commits or fewer --secrets")
        i = r.choice(cand)
        used.add(i)
        return i

    secrets = []
    for idx, kind in enumerate(kinds):
        if kind in ("main", "removed", "renamed"):
            at = pick(main_steps, int(n * 0.02), int(n * 0.8))
        elif kind == "merged-branch":
            at = pick(merged_steps, 0, n)
        else:
            at = pick(unmerged_steps, 0, n)
        events[at] = ("plant", idx)
        secrets.append({"idx": idx, "kind": kind, "provider": order[idx], "at": at})
    for s in secrets:
        if s["kind"] == "removed":
            events[pick(main_steps, s["at"] + 20, n - 5)] = ("remove", s["idx"])
        elif s["kind"] == "renamed":
            events[pick(main_steps, s["at"] + 20, n - 5)] = ("rename", s["idx"])
    mains = [s for s in secrets if s["kind"] == "main"]
    for s in r.sample(mains, min(n_copy, len(mains))):
        events[pick(main_steps, s["at"] + 10, n - 5)] = ("copy", s["idx"])
    return secrets, events


# ------------------------------------------------------------------------------------------------
# Execution: trees, blobs and the fast-import stream.

class Ver:
    __slots__ = ("mark", "lines", "data")

    def __init__(self, mark, lines=None, data=None):
        self.mark, self.lines, self.data = mark, lines, data


class Builder:
    def __init__(self, out, r):
        self.out, self.r = out, r
        self.next_mark = 1
        self.blob_count = 0
        self.commit_marks = {}  # step -> mark
        self.all_paths = set()

    def mark(self):
        m = self.next_mark
        self.next_mark += 1
        return m

    def blob(self, lines=None, data=None):
        if data is None:
            data = ("\n".join(lines) + "\n").encode()
        m = self.mark()
        self.out.write(b"blob\nmark :%d\ndata %d\n" % (m, len(data)))
        self.out.write(data)
        self.out.write(b"\n")
        self.blob_count += 1
        return Ver(m, lines, data if lines is None else None)

    def commit(self, step, ref, parents, changes, message, who):
        m = self.mark()
        self.commit_marks[step] = m
        ts = BASE_TS + step * 3600 + (step * 37) % 1800
        name, email = who
        msg = message.encode()
        w = self.out.write
        w(b"commit refs/heads/%s\nmark :%d\n" % (ref.encode(), m))
        w(b"author %s <%s> %d +0000\n" % (name.encode(), email.encode(), ts - (step % 4) * 300))
        w(b"committer %s <%s> %d +0000\n" % (name.encode(), email.encode(), ts))
        w(b"data %d\n%s\n" % (len(msg), msg))
        if parents:
            w(b"from :%d\n" % parents[0])
            for p in parents[1:]:
                w(b"merge :%d\n" % p)
        for op, path, ver in changes:
            if op == "D":
                w(b"D %s\n" % path.encode())
            else:
                w(b"M 100644 :%d %s\n" % (ver.mark, path.encode()))
        w(b"\n")
        return m

    def fresh_path(self, r, ext, dirs):
        while True:
            p = f"{r.choice(dirs)}/{ident(r, 2)}{ext}"
            if p not in self.all_paths:
                self.all_paths.add(p)
                return p


def make_dirs(r, count):
    dirs = []
    while len(dirs) < count:
        top = r.choice(TOPS)
        d = f"{top}/{ident(r, 1)}"
        for _ in range(r.randint(0, 3)):
            d += f"/{r.choice(WORDS)}"
        if d not in dirs:
            dirs.append(d)
    return dirs


def mutate(r, line):
    toks = line.split(" ")
    for _ in range(3):
        j = r.randrange(len(toks))
        t = toks[j]
        if t.isdigit():
            toks[j] = str(r.randint(0, 999))
            return " ".join(toks)
        if t in WORDS:
            toks[j] = r.choice(WORDS)
            return " ".join(toks)
    return line + f"  # {r.choice(VERBS)} {r.choice(WORDS)}" if line.strip() else line


def edit_lines(r, path, lines, secrets):
    """A few insertions, deletions or in-place edits; never touches a line holding a secret."""
    ext = os.path.splitext(path)[1]
    lines = list(lines)

    def safe(seg):
        return not any(s in ln for ln in seg for s in secrets)

    for _ in range(r.randint(1, 3)):
        n = len(lines)
        op = r.random()
        if n < MIN_LINES + 8 or (op < 0.45 and n < MAX_LINES):
            at = r.randint(min(4, n), n)
            lines[at:at] = snippet(r, ext, r.randint(1, 12))
        elif op < 0.7 or n >= MAX_LINES:
            cnt = r.randint(1, 6 if n < MAX_LINES else 20)
            at = r.randint(4, n - cnt)
            if safe(lines[at:at + cnt]):
                del lines[at:at + cnt]
        else:
            for _ in range(r.randint(1, 4)):
                at = r.randrange(len(lines))
                if safe([lines[at]]):
                    lines[at] = mutate(r, lines[at])
    return lines


def build(outdir, n, seed, k):
    r = random.Random(f"riskgate-history-corpus/{seed}")
    sr = random.Random(f"riskgate-history-secrets/{seed}")
    steps, branches = plan(n, r)
    secrets, events = assign_secrets(n, k, steps, branches, r)
    values = []
    seen = set()
    for s in secrets:
        while True:
            v = make_secret(sr, s["provider"])
            if v not in seen:
                break
        seen.add(v)
        values.append(v)

    repo = os.path.join(outdir, "repo")
    marks_file = os.path.join(outdir, "marks")
    run(["git", "init", "-q", repo])
    run(["git", "-C", repo, "symbolic-ref", "HEAD", "refs/heads/main"])
    # Store loosely (no zlib, no delta search) while importing; the repack below compresses and
    # deltifies the whole pack as a clone would have it.
    proc = subprocess.Popen(["git", "-C", repo, "-c", "pack.compression=0", "fast-import", "--quiet",
                             "--done", "--depth=0", f"--export-marks={marks_file}"], stdin=subprocess.PIPE)
    out = proc.stdin
    b = Builder(out, r)
    dirs = make_dirs(r, max(40, n // 60))

    # Branch states. Each tree maps path -> Ver. A branch claims files that main leaves alone while
    # it is open, so that its merge is clean (the merged tree is main's plus the branch's files).
    main = {"tree": {}, "head": None}
    state = {}                    # bid -> dict(tree, own: dict path->True, head)
    locked = {}                   # path -> bid (claimed by an open branch)
    protected = {}                # path on main -> number of secrets in it
    planted = []                  # result entries
    secret_home = {}              # idx -> (path on main) for main-planted secrets
    branch_secret_paths = {}      # bid -> list of (idx, path)
    binaries = []
    removals = 0
    tags = {int(n * 0.5): ("v1.0.0", "annotated"), int(n * 0.9): ("v1.1.0", "light")}

    def author(step):
        return PEOPLE[(step * 7 + 3) % len(PEOPLE)] if r.random() < 0.5 else r.choice(PEOPLE)

    def text_paths(tree):
        return [p for p, v in tree.items() if v.lines is not None]

    # Root commit.
    n0 = max(200, min(1100, 150 + n // 11))
    changes = []
    for _ in range(n0):
        p = b.fresh_path(r, r.choice(EXTS), dirs)
        v = b.blob(new_text(r, p))
        main["tree"][p] = v
        changes.append(("M", p, v))
    for name in ["assets/logo.png", "assets/icons/sprite.png", "testdata/fixtures/sample.bin",
                 "testdata/golden/model.dat", "docs/images/architecture.png"]:
        b.all_paths.add(name)
        v = b.blob(data=new_binary(r))
        main["tree"][name] = v
        binaries.append(name)
        changes.append(("M", name, v))
    main["head"] = b.commit(0, "main", [], changes, "Initial import", PEOPLE[0])

    def plant_into(step, tree, candidates, idx, allow_new, ref_dirs):
        """Plant secret idx into a (possibly new) text file; returns (path, line, ver, is_new)."""
        prov = secrets[idx]["provider"]
        if allow_new and r.random() < 0.35 or not candidates:
            p = b.fresh_path(r, r.choice(EXTS), ref_dirs)
            lines = new_text(r, p)
            new = True
        else:
            p = r.choice(candidates)
            lines = list(tree[p].lines)
            new = False
        ext = os.path.splitext(p)[1]
        at = r.randint(len(lines) // 5, len(lines) - 1)
        lines.insert(at, secret_line(r, ext, prov, values[idx]))
        return p, at + 1, b.blob(lines), new

    def record(idx, kind, step, path, line, branch):
        planted.append({"secret_index": idx, "secret_prefix": values[idx][:8],
                        "rule_hint": PROVIDERS[secrets[idx]["provider"]][0],
                        "rule": PROVIDERS[secrets[idx]["provider"]][1], "kind": kind, "step": step,
                        "path": path, "line": line, "branch": branch})

    def random_edits(step, tree, candidates, exclude, count):
        changes = []
        pool = [p for p in candidates if p not in exclude]
        for p in r.sample(pool, min(count, len(pool))):
            v = b.blob(edit_lines(r, p, tree[p].lines, values))
            tree[p] = v
            changes.append(("M", p, v))
        return changes

    def branch_commit(step, br, st, ev):
        """Body of a commit on a feature/long/unmerged branch; only its own files change."""
        tree, own = st["tree"], st["own"]
        changes = []
        touched = set()
        if ev and ev[0] == "plant":
            idx = ev[1]
            p, line, v, new = plant_into(step, tree, list(own), idx, True, st["dirs"])
            tree[p] = v
            own[p] = True
            touched.add(p)
            changes.append(("M", p, v))
            branch_secret_paths[br.bid].append((idx, p))
            record(idx, secrets[idx]["kind"], step, p, line, br.name)
        if r.random() < 0.08:
            p = b.fresh_path(r, r.choice(EXTS), st["dirs"])
            v = b.blob(new_text(r, p))
            tree[p] = v
            own[p] = True
            touched.add(p)
            changes.append(("M", p, v))
        k = r.choice([1, 1, 2, 2, 3])
        pool = [p for p in own if p not in touched]
        for p in r.sample(pool, min(k, len(pool))):
            v = b.blob(edit_lines(r, p, tree[p].lines, values))
            tree[p] = v
            changes.append(("M", p, v))
        return changes

    for step in range(1, n):
        kind, ref = steps[step]
        ev = events.get(step)
        if kind == "commit" and ref == "main":
            tree = main["tree"]
            cands = [p for p in text_paths(tree) if p not in locked]
            changes = []
            touched = set()
            msg = f"{r.choice(VERBS).capitalize()} {ident(r, 2, ' ')} in {os.path.dirname(r.choice(cands))}"
            if ev and ev[0] == "plant":
                idx = ev[1]
                p, line, v, new = plant_into(step, tree, cands, idx, True, dirs)
                tree[p] = v
                touched.add(p)
                changes.append(("M", p, v))
                protected[p] = protected.get(p, 0) + 1
                secret_home[idx] = p
                record(idx, secrets[idx]["kind"], step, p, line, "main")
                msg = f"Configure {ident(r, 1)} client for {ident(r, 1, '-')}"
            elif ev and ev[0] == "copy":
                idx = ev[1]
                src = secret_home[idx]
                others = [p for p in cands if p != src and p not in protected]
                p, line, v, new = plant_into(step, tree, others, idx, False, dirs)
                tree[p] = v
                touched.add(p)
                changes.append(("M", p, v))
                protected[p] = protected.get(p, 0) + 1
                record(idx, "copy", step, p, line, "main")
                msg = f"Share {ident(r, 1)} settings with {ident(r, 1, '-')}"
            elif ev and ev[0] == "remove":
                idx = ev[1]
                p = secret_home[idx]
                touched.add(p)
                removals += 1
                if protected[p] == 1 and removals % 2 == 1:  # the first removal deletes the file
                    del tree[p]
                    changes.append(("D", p, None))
                    del protected[p]
                    how = "file"
                else:
                    lines = [ln for ln in tree[p].lines if values[idx] not in ln]
                    v = b.blob(lines)
                    tree[p] = v
                    changes.append(("M", p, v))
                    protected[p] -= 1
                    if not protected[p]:
                        del protected[p]
                    how = "line"
                for e in planted:
                    if e["secret_index"] == idx:
                        e["removed_in"] = {"step": step, "how": how}
                msg = f"Remove hard-coded {ident(r, 1)} credential"
            elif ev and ev[0] == "rename":
                idx = ev[1]
                p = secret_home[idx]
                ext = os.path.splitext(p)[1]
                q = b.fresh_path(r, ext, dirs)
                v = tree.pop(p)
                tree[q] = v
                changes += [("D", p, None), ("M", q, v)]
                touched.update((p, q))
                protected[q] = protected.pop(p)
                secret_home[idx] = q
                for e in planted:
                    if e["secret_index"] == idx and e["path"] == p:
                        e["renamed_to"] = {"step": step, "path": q}
                msg = f"Move {os.path.basename(p)} to {os.path.dirname(q)}"
            nfiles = r.choice([1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6])
            changes += random_edits(step, tree, cands, touched, nfiles if not changes else nfiles - 1)
            x = r.random()
            if x < 0.045 and len(tree) < 1500:
                p = b.fresh_path(r, r.choice(EXTS), dirs)
                v = b.blob(new_text(r, p))
                tree[p] = v
                changes.append(("M", p, v))
            elif x < 0.06 and len(tree) > 150:
                dels = [p for p in cands if p not in protected and p not in touched]
                p = r.choice(dels)
                del tree[p]
                changes.append(("D", p, None))
            elif x < 0.08 and not (ev and ev[0] == "rename"):
                movable = [p for p in cands if p not in protected and p not in touched]
                p = r.choice(movable)
                q = b.fresh_path(r, os.path.splitext(p)[1], dirs if r.random() < 0.6 else [os.path.dirname(p)])
                v = tree.pop(p)
                tree[q] = v
                changes += [("D", p, None), ("M", q, v)]
                msg = f"Rename {os.path.basename(p)} to {os.path.basename(q)}"
            elif x < 0.084:
                p = r.choice(binaries)
                v = b.blob(data=new_binary(r))
                tree[p] = v
                changes.append(("M", p, v))
            elif x < 0.0845 and len(binaries) < 8:
                p = b.fresh_path(r, r.choice([".png", ".bin"]), ["assets", "testdata/fixtures"])
                binaries.append(p)
                v = b.blob(data=new_binary(r))
                tree[p] = v
                changes.append(("M", p, v))
            main["head"] = b.commit(step, "main", [main["head"]], changes, msg, author(step))
        elif kind == "fork":
            br = branches[ref]
            tree = dict(main["tree"])
            free = [p for p in text_paths(tree) if p not in locked and p not in protected]
            nclaim = {"feature": r.randint(3, 12), "long": r.randint(15, 40), "unmerged": r.randint(12, 25)}[br.kind]
            own = {}
            for p in r.sample(free, min(nclaim, len(free))):
                own[p] = True
                locked[p] = br.bid
            st = state[br.bid] = {"tree": tree, "own": own, "head": None, "who": r.choice(PEOPLE),
                                  "dirs": r.sample(dirs, 3)}
            branch_secret_paths[br.bid] = []
            changes = branch_commit(step, br, st, ev)
            st["head"] = b.commit(step, br.name, [main["head"]], changes,
                                  f"Start {br.name.split('/', 1)[1].replace('-', ' ')}", st["who"])
        elif kind == "commit":
            br = branches[ref]
            st = state[br.bid]
            changes = branch_commit(step, br, st, ev)
            msg = f"{r.choice(VERBS).capitalize()} {ident(r, 2, ' ')} ({br.name.split('/', 1)[1]})"
            st["head"] = b.commit(step, br.name, [st["head"]], changes, msg, st["who"])
        elif kind == "merge":
            br = branches[ref]
            st = state.pop(br.bid)
            tree = main["tree"]
            changes = []
            for p in st["own"]:
                if tree.get(p) is not st["tree"][p]:
                    tree[p] = st["tree"][p]
                    changes.append(("M", p, tree[p]))
                locked.pop(p, None)
            for idx, p in branch_secret_paths.pop(br.bid):
                protected[p] = protected.get(p, 0) + 1
            main["head"] = b.commit(step, "main", [main["head"], st["head"]], changes,
                                    f"Merge branch '{br.name}'", author(step))
        elif kind == "sync":
            br = branches[ref]
            st = state[br.bid]
            new = dict(main["tree"])
            for p in st["own"]:
                new[p] = st["tree"][p]
            old = st["tree"]
            changes = [("D", p, None) for p in old if p not in new]
            changes += [("M", p, v) for p, v in new.items() if old.get(p) is not v]
            st["tree"] = new
            st["head"] = b.commit(step, br.name, [st["head"], main["head"]], changes,
                                  f"Merge branch 'main' into {br.name}", st["who"])
        if step in tags:
            name, how = tags[step]
            if how == "annotated":
                msg = f"Release {name}".encode()
                ts = BASE_TS + step * 3600 + 1800
                out.write(b"tag %s\nfrom :%d\ntagger %s <%s> %d +0000\ndata %d\n%s\n" % (
                    name.encode(), main["head"], PEOPLE[0][0].encode(), PEOPLE[0][1].encode(), ts, len(msg), msg))
            else:
                out.write(b"reset refs/tags/%s\nfrom :%d\n\n" % (name.encode(), main["head"]))
    out.write(b"done\n")
    out.close()
    if proc.wait() != 0:
        raise SystemExit(f"make_history_corpus: git fast-import failed (exit {proc.returncode})")

    # Merged branches have served their purpose; keep main, the unmerged branches and the tags.
    dels = "".join(f"delete refs/heads/{br.name}\n" for br in branches.values() if br.merged_at is not None)
    run(["git", "-C", repo, "update-ref", "--stdin"], inp=dels.encode())
    run(["git", "-C", repo, "repack", "-q", "-a", "-d", "-F"])
    run(["git", "-C", repo, "prune-packed"])
    run(["git", "-C", repo, "reset", "-q", "--hard", "main"])

    marks = {}
    with open(marks_file) as fh:
        for ln in fh:
            m, sha = ln.split()
            marks[int(m[1:])] = sha
    head_text = "\n".join("\n".join(v.lines) for v in main["tree"].values() if v.lines is not None)
    head_has = {i: values[i] in head_text for i in range(len(values))}
    for e in planted:
        e["commit"] = marks[b.commit_marks[e["step"]]]
        e["present_at_head"] = head_has[e["secret_index"]]
        if "renamed_to" in e:
            e["renamed_to"] = {"commit": marks[b.commit_marks[e["renamed_to"]["step"]]], "path": e["renamed_to"]["path"]}
        if "removed_in" in e:
            e["removed_in"] = {"commit": marks[b.commit_marks[e["removed_in"]["step"]]], "how": e["removed_in"]["how"]}
    keys = ["secret_prefix", "rule_hint", "rule", "kind", "commit", "path", "line", "present_at_head",
            "branch", "secret_index", "renamed_to", "removed_in"]
    entries = [{kk: e[kk] for kk in keys if kk in e} for e in sorted(planted, key=lambda e: e["step"])]
    with open(os.path.join(outdir, "planted.json"), "w") as fh:
        json.dump(entries, fh, indent=1)
        fh.write("\n")
    return repo, entries, values, b.blob_count


def run(cmd, inp=None, capture=False):
    res = subprocess.run(cmd, input=inp, stdout=subprocess.PIPE if capture else subprocess.DEVNULL)
    if res.returncode != 0:
        raise SystemExit(f"make_history_corpus: {' '.join(cmd[:4])} ... failed (exit {res.returncode})")
    return res.stdout


def self_check(repo, entries, values):
    """With the git CLI: each introduction is in its commit's path and in no parent's version."""
    git = ["git", "-C", repo]
    parents = {}
    for ln in run(git + ["rev-list", "--parents", "--all"], capture=True).decode().splitlines():
        c, *ps = ln.split()
        parents[c] = ps
    queries = []
    for e in entries:
        queries.append((e, "self", f"{e['commit']}:{e['path']}"))
        for p in parents[e["commit"]]:
            queries.append((e, "parent", f"{p}:{e['path']}"))
    res = subprocess.run(git + ["cat-file", "--batch"], input="".join(q[2] + "\n" for q in queries).encode(),
                         stdout=subprocess.PIPE, check=True).stdout
    problems = []
    pos = 0
    for e, what, _ in queries:
        nl = res.index(b"\n", pos)
        head = res[pos:nl].split()
        pos = nl + 1
        content = b""
        if head[-1] != b"missing":
            size = int(head[2])
            content = res[pos:pos + size]
            pos += size + 1
        secret = values[e["secret_index"]].encode()
        lines = content.split(b"\n")
        if what == "self":
            if len(lines) < e["line"] or secret not in lines[e["line"] - 1]:
                problems.append(f"{e['secret_prefix']}... not at {e['commit'][:10]}:{e['path']}:{e['line']}")
        elif secret in content:
            problems.append(f"{e['secret_prefix']}... already in a parent of {e['commit'][:10]}:{e['path']}")
    found = b""
    if values:
        res = subprocess.run(git + ["grep", "-I", "-F", "-h", "-o", "-f", "/dev/stdin", "HEAD"],
                             input="\n".join(values).encode(), stdout=subprocess.PIPE)
        if res.returncode > 1:
            raise SystemExit("make_history_corpus: git grep failed")
        found = res.stdout
    at_head = set(found.decode().split())
    for e in entries:
        if (values[e["secret_index"]] in at_head) != e["present_at_head"]:
            problems.append(f"{e['secret_prefix']}... present_at_head is wrong")
    return problems


def main():
    ap = argparse.ArgumentParser(usage="%(prog)s OUTDIR [--commits N] [--seed S] [--secrets K]",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--commits", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--secrets", type=int, default=40)
    a = ap.parse_args()
    if a.commits < 200:
        ap.error("--commits must be at least 200")
    if not 0 <= a.secrets <= a.commits // 10:
        ap.error("--secrets must be between 0 and commits/10")
    a.outdir = os.path.abspath(a.outdir)
    os.makedirs(a.outdir, exist_ok=True)
    if os.path.exists(os.path.join(a.outdir, "repo")):
        ap.error(f"{a.outdir}/repo already exists")
    env = os.environ
    env.update({"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "LC_ALL": "C", "TZ": "UTC"})
    for v in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"):
        env.pop(v, None)
    repo, entries, values, nblobs = build(a.outdir, a.commits, a.seed, a.secrets)
    problems = self_check(repo, entries, values)
    git = ["git", "-C", repo]
    commits = int(run(git + ["rev-list", "--all", "--count"], capture=True))
    merges = int(run(git + ["rev-list", "--all", "--merges", "--count"], capture=True))
    files = len(run(git + ["ls-tree", "-r", "--name-only", "HEAD"], capture=True).splitlines())
    blobs = sum(1 for ln in run(git + ["cat-file", "--batch-all-objects", "--batch-check=%(objecttype)"],
                                capture=True).split() if ln == b"blob")
    refs = len(run(git + ["for-each-ref"], capture=True).splitlines())
    at_head = sum(1 for i in {e["secret_index"] for e in entries}
                  if any(e["present_at_head"] for e in entries if e["secret_index"] == i))
    for p in problems:
        print(f"self-check: {p}", file=sys.stderr)
    print(f"corpus: {commits} commits ({merges} merges), {refs} refs, {files} files at HEAD, "
          f"{blobs} distinct blobs, {len(values)} planted secrets ({len(entries)} introductions, "
          f"{at_head} at HEAD), self-check {'FAILED' if problems else 'ok'}; head "
          f"{run(git + ['rev-parse', 'HEAD'], capture=True).decode().strip()[:12]}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
