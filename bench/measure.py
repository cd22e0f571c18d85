#!/usr/bin/env python3
"""bench/measure.py: the measuring half of bench/run.sh, which builds the
binaries and makes the inputs first. Run it through bench/run.sh.

Every command runs once to warm up (page cache, binary), then RUNS times;
the commands compared in a row alternate, run by run, in turns that change
order, so that a busy host weighs on all of them alike. Each run records the
wall time (taken around /usr/bin/time, which adds about a millisecond), the
peak RSS and the CPU time (user + system) that /usr/bin/time reports. The
tables give medians, and ratios of medians measured in this one run.

With BASE set to another sovlint binary (say, one built from main), every
sovlint command also runs with it, alternating, and the tables gain a
"before" column.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

out = os.environ.get("OUT", "bench/out")
runs = int(os.environ.get("RUNS", "7"))
quick = bool(os.environ.get("QUICK"))
sovlint = os.path.join(out, "sovlint")
base = os.environ.get("BASE", "")
tfjson = os.path.join(out, "tfjsondecode")
tfsec = os.environ.get("TFSEC", "")
tfsec_version = os.environ.get("TFSEC_VERSION", "")
real = os.environ.get("REAL", "").split()
timefile = tempfile.NamedTemporaryFile()


def run_once(cmd, outputs=()):
    """Runs cmd with stdout to /dev/null; returns (wall s, rss MB, cpu s)."""
    for f in outputs:
        if os.path.exists(f):
            os.remove(f)
    start = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", timefile.name] + cmd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    last = open(timefile.name).read().split("\n")
    fields = [l for l in last if l.strip()][-1].split()
    rss, user, system = int(fields[0]) / 1024, float(fields[1]), float(fields[2])
    return wall, rss, user + system


def compare(label, cmds, n=None):
    """Runs the commands of one row alternately. cmds maps a tool name to
    (argv, outputs, runs or None); returns tool → (wall, rss, cpu) medians."""
    print(f"bench: {label}", file=sys.stderr, flush=True)
    samples = {t: [] for t in cmds}
    for t, (argv, outs, _) in cmds.items():
        run_once(argv, outs)  # warm-up
    order = list(cmds)
    most = max((c[2] or n or runs) for c in cmds.values())
    for i in range(most):
        for t in order[i % len(order):] + order[:i % len(order)]:
            argv, outs, k = cmds[t]
            if i < (k or n or runs):
                samples[t].append(run_once(argv, outs))
    return {t: tuple(statistics.median(x[j] for x in s) for j in range(3)) for t, s in samples.items()}


def with_base(cmds, argv, outs=()):
    """Adds sovlint's command, and the base binary's when BASE is set."""
    cmds["sovlint"] = ([sovlint] + argv, list(outs), None)
    if base:
        cmds["base"] = ([base] + argv, list(outs), None)
    return cmds


def ms(x):
    return f"{x * 1000:.0f} ms"


def mb(x):
    return f"{x:.0f} MB"


def before(row, key="sovlint"):
    if not base:
        return ""
    b, a = row["base"], row[key]
    return f" | {ms(b[0])} / {mb(b[1])} / {ms(b[2])} | {a[0] / b[0]:.2f}x / {a[2] / b[2]:.2f}x"


bhead = " | before: wall / RSS / CPU | after ÷ before: wall / CPU" if base else ""
bsep = "|---:|---:" if base else ""

# Plans: sovlint against a bare terraform-json decode.
plans = [("synth", "3k"), ("synth", "30k")]
if not quick:
    plans += [("synth", "100k"), ("synth", "300k")]
plans += [("real", s) for s in real]
plan_rows = {}
for kind, size in plans:
    f = os.path.join(out, f"{kind}-plan-{size}.json")
    cmds = with_base({}, ["scan", "--format", "json", f])
    # terraform-json needs some 3.5 GB and ten seconds for 300k: once.
    cmds["tfjson"] = ([tfjson, f], [], 1 if size == "300k" else None)
    plan_rows[(kind, size)] = compare(f"plan {kind} {size}", cmds)

print(f"median of {runs} runs; peak RSS and CPU (user + system) from /usr/bin/time\n")
print("### Plans: `sovlint scan --format json PLAN > /dev/null` against terraform-json's decode\n")
print(f"| input | sovlint wall | peak RSS | CPU | terraform-json wall | peak RSS | CPU | faster | CPU ratio{bhead} |")
print(f"|---|---:|---:|---:|---:|---:|---:|---:|---:{bsep}|")
for (kind, size), row in plan_rows.items():
    s, t = row["sovlint"], row["tfjson"]
    size_mb = os.path.getsize(os.path.join(out, f"{kind}-plan-{size}.json")) / 1e6
    print(f"| {kind} {size} plan ({size_mb:.0f} MB) | {ms(s[0])} | {mb(s[1])} | {ms(s[2])} | {ms(t[0])} | {mb(t[1])} | {ms(t[2])} | {t[0] / s[0]:.1f}x | {s[2] / t[2]:.2f}{before(row)} |")
if ("synth", "100k") in plan_rows and ("synth", "300k") in plan_rows:
    a, b = plan_rows[("synth", "100k")], plan_rows[("synth", "300k")]
    per = (b["sovlint"][1] - a["sovlint"][1]) * 1024 * 1024 / 200000 / 1024
    line = f"\nPeak RSS per additional resource, 100k → 300k: {per:.2f} KiB"
    if base:
        pb = (b["base"][1] - a["base"][1]) * 1024 * 1024 / 200000 / 1024
        line += f" (before: {pb:.2f} KiB)"
    print(line + ".")

# Outputs: each format to stdout and to a file, on the 30k plan.
kind30 = "real" if "30k" in real else "synth"
p30 = os.path.join(out, f"{kind30}-plan-30k.json")
fmts = ["json", "sarif", "text", "markdown", "github", "junit", "gitlab"]
print(f"\n### Outputs on the {kind30} 30k plan: stdout (`> /dev/null`) against `--output FILE`\n")
print(f"| format | stdout wall | peak RSS | file wall | peak RSS | file ÷ stdout: wall | RSS{' | file before: wall / RSS / CPU | file after ÷ before: wall / CPU' if base else ''} |")
print(f"|---|---:|---:|---:|---:|---:|---:{bsep}|")
for fmt in fmts:
    dest = os.path.join(out, f"report.{fmt}")
    cmds = {"stdout": ([sovlint, "scan", "--format", fmt, p30], [], None),
            "file": ([sovlint, "scan", "--format", fmt, "--output", dest, p30], [dest], None)}
    if base:
        cmds["base"] = ([base, "scan", "--format", fmt, "--output", dest, p30], [dest], None)
    row = compare(f"output {fmt}", cmds)
    s, f = row["stdout"], row["file"]
    print(f"| {fmt} | {ms(s[0])} | {mb(s[1])} | {ms(f[0])} | {mb(f[1])} | {f[0] / s[0]:.2f}x | {(f[1] / s[1] - 1) * 100:+.0f}%{before(row, 'file')} |")

# The GitHub Action's path: annotations to stdout, Markdown and SARIF to files.
md, sarif = os.path.join(out, "action.md"), os.path.join(out, "action.sarif")
action = ["scan", "--format", "github", "--format", "markdown:" + md, "--format", "sarif:" + sarif, p30]
cmds = {"json": ([sovlint, "scan", "--format", "json", p30], [], None),
        "sovlint": ([sovlint] + action, [md, sarif], None)}
if base:
    cmds["base"] = ([base] + action, [md, sarif], None)
row = compare("action", cmds)
j, a = row["json"], row["sovlint"]
print(f"\n### The GitHub Action's outputs on the {kind30} 30k plan\n")
print(f"| command | wall | peak RSS | CPU | ÷ JSON to stdout: wall{bhead} |")
print(f"|---|---:|---:|---:|---:{bsep}|")
print(f"| `--format json` (stdout) | {ms(j[0])} | {mb(j[1])} | {ms(j[2])} | 1.00x{' | |' if base else ''} |")
print(f"| `--format github --format markdown:F --format sarif:F` | {ms(a[0])} | {mb(a[1])} | {ms(a[2])} | {a[0] / j[0]:.2f}x{before(row)} |")

# Monorepos.
trees = ["1k"] + ([] if quick else ["10k"])
print("\n### Monorepos: `sovlint scan --format json --recursive DIR > /dev/null`\n")
print(f"| input | sovlint wall | peak RSS | CPU | baseline | wall | peak RSS | faster{bhead} |")
print(f"|---|---:|---:|---:|---|---:|---:|---:{bsep}|")
tree_rows = {}
for t in trees:
    d = os.path.join(out, f"tree-{t}")
    cmds = with_base({}, ["scan", "--format", "json", "--recursive", d])
    # tfsec takes seconds a run (minutes on the 10k tree): once, on the 1k tree.
    if tfsec and (t == "1k" or os.environ.get("TFSEC_ALL")):
        cmds["tfsec"] = ([tfsec, "--no-colour", "--format", "json", "--soft-fail", d], [], 1)
    row = tree_rows[t] = compare(f"tree {t}", cmds)
    s = row["sovlint"]
    bl = ""
    if "tfsec" in row:
        b = row["tfsec"]
        bl = f"tfsec {tfsec_version} | {ms(b[0])} | {mb(b[1])} | {b[0] / s[0]:.1f}x"
    else:
        bl = " | | | "
    print(f"| {t}-file tree | {ms(s[0])} | {mb(s[1])} | {ms(s[2])} | {bl}{before(row)} |")
if "10k" in tree_rows:
    a, b = tree_rows["1k"]["sovlint"], tree_rows["10k"]["sovlint"]
    line = f"\n1,000 → 10,000 files: {b[0] / a[0]:.1f}x the wall time, {b[2] / a[2]:.1f}x the CPU"
    if base:
        a, b = tree_rows["1k"]["base"], tree_rows["10k"]["base"]
        line += f" (before: {b[0] / a[0]:.1f}x, {b[2] / a[2]:.1f}x)"
    print(line + ".")

row = compare("startup", with_base({}, ["scan", "--format", "json", "testdata/plans/default-tags/plan.json"]))
s = row["sovlint"]
print(f"\nSmall plan (`default-tags`, startup): {ms(s[0])}, {mb(s[1])}" + (f" (before: {ms(row['base'][0])}, {mb(row['base'][1])})" if base else "") + ".")

# A million resources: what memory grows with. Once each, without and with
# a policy that classifies every untagged resource sensitive (twice the
# findings); the difference between the two is what a finding costs.
if os.environ.get("MILLION"):
    import json
    f = os.path.join(out, "synth-plan-1m.json")
    cfg = os.path.join(out, "all-sensitive.sovlint.hcl")
    with open(cfg, "w") as c:
        c.write('policy {\n  classify {\n    level = "sensitive"\n    types = ["*"]\n  }\n}\n')
    rows = []
    for label, extra in (("tags only", []), ("untagged resources sensitive", ["--config", cfg])):
        report = os.path.join(out, "million.json")
        w, rss, cpu = compare(f"million {label}", {"sovlint": ([sovlint, "scan", "--format", "json", "--output", report] + extra + [f], [report], 1)})["sovlint"]
        with open(report) as r:
            summary = json.load(r)["summary"]
        os.remove(report)
        rows.append((label, summary, w, rss, cpu))
    print("\n### A million resources: `sovlint scan --format json --output FILE PLAN` (one run each)\n")
    print("| classification | resources | findings | wall | peak RSS | CPU |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, s, w, rss, cpu in rows:
        print(f"| {label} | {s['resources']:,} | {s['findings']:,} | {ms(w)} | {mb(rss)} | {ms(cpu)} |")
    (_, s0, _, r0, _), (_, s1, _, r1, _) = rows
    print(f"\nPeak RSS per additional finding: {(r1 - r0) * 1024 * 1024 / (s1['findings'] - s0['findings']):.0f} bytes.")
