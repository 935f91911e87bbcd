#!/usr/bin/env python3
"""Run real programs under revpy and CPython and compare them.

For every `*.py` under a corpus directory (default ../shared/corpus/thealgorithms)
whose imports are all standard library, run it from its own folder with empty stdin
under `PYTHONHASHSEED=0 python3` and under `revpy run`, and compare stdout and the exit
status. Programs CPython itself cannot finish within the time limit are not eligible,
nor are programs whose stdout or exit status differ between runs of CPython (times,
unseeded randomness: run three times by default); both are listed by name.

    tests/corpus.py [--revpy PATH] [--jobs N] [--timeout S] [--only SUBSTR] [-v] [DIR]

Prints one line per mismatch with its cause (the last line of revpy's stderr), then
the pass rate, the number of eligible programs that use doctest, and the failures
grouped by cause. Exit status 0 always (it is a measurement, not a gate), unless
`--min-rate R` is given and the pass rate is below R.
"""

import argparse
import ast
import collections
import concurrent.futures
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def imports_of(path):
    """Top-level module names imported by `path` (None if it does not parse)."""
    try:
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read(), path)
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return None
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                names.add(a.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                names.add(".")  # relative: a sibling module, not stdlib
            elif node.module:
                names.add(node.module.split(".")[0])
    return names


def uses_doctest(path):
    with open(path, encoding="utf-8") as f:
        return "doctest" in f.read()


def run(cmd, cwd, timeout):
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")
    env.pop("PYTHONPATH", None)
    try:
        p = subprocess.run(
            cmd,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=timeout,
        )
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def cause_of(code, err):
    if code == "timeout":
        return "timeout"
    lines = [l for l in err.decode("utf-8", "replace").splitlines() if l.strip()]
    if not lines:
        return "wrong output" if code == 0 else f"exit {code}, no message"
    last = lines[-1]
    if "internal error" in last or "panicked" in err.decode("utf-8", "replace"):
        return "PANIC " + last
    # Normalise names so that causes group: keep the exception type and message shape.
    last = re.sub(r"'[^']*'", "'…'", last) if not last.startswith(("ModuleNotFoundError", "ImportError")) else last
    return last[:140]


def check(path, args):
    folder, name = os.path.split(path)
    want = run([sys.executable, name], folder, args.timeout)
    if want[0] == "timeout":
        return path, "ineligible", "CPython timeout"
    # A program whose output CPython itself does not repeat (times, unseeded
    # randomness, addresses) cannot be compared: run CPython again (up to
    # `--cpython-runs` times in all) and set it aside if stdout or status change.
    for _ in range(args.cpython_runs - 1):
        again = run([sys.executable, name], folder, args.timeout)
        if again[0] == "timeout":
            return path, "ineligible", "CPython timeout"
        if again[:2] != want[:2]:
            return path, "ineligible", "nondeterministic under CPython"
    got = run([args.revpy, "run", name], folder, args.timeout * args.slack)
    if got[0] == want[0] and got[1] == want[1]:
        return path, "pass", ""
    if got[0] == "timeout":
        return path, "fail", "timeout"
    if got[0] == want[0] == 0 or got[0] == 0:
        cause = cause_of(got[0], got[2]) if got[2].strip() and got[0] != 0 else "wrong output"
    else:
        cause = cause_of(got[0], got[2])
    return path, "fail", cause


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=os.path.join(ROOT, "..", "shared", "corpus", "thealgorithms"))
    ap.add_argument("--revpy", default=os.path.join(ROOT, "target", "release", "revpy"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds for CPython")
    ap.add_argument("--slack", type=float, default=6.0, help="revpy gets timeout*slack")
    ap.add_argument("--cpython-runs", type=int, default=3,
                    help="runs of CPython per program; differing stdout or status makes it ineligible")
    ap.add_argument("--only", default="")
    ap.add_argument("--min-rate", type=float, default=None)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    stdlib = set(sys.stdlib_module_names)
    eligible, skipped = [], collections.Counter()
    for dirpath, dirnames, files in os.walk(args.dir):
        dirnames.sort()
        for f in sorted(files):
            if not f.endswith(".py") or f == "__init__.py":
                continue
            p = os.path.join(dirpath, f)
            if args.only and args.only not in p:
                continue
            mods = imports_of(p)
            if mods is None:
                skipped["does not parse"] += 1
            elif mods - stdlib:
                skipped["non-stdlib imports"] += 1
            else:
                eligible.append(p)

    results = []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for r in ex.map(lambda p: check(p, args), eligible):
            results.append(r)
            if args.verbose or r[1] == "fail":
                rel = os.path.relpath(r[0], args.dir)
                print(f"{r[1]:5} {rel}  {r[2]}", flush=True)

    ran = [r for r in results if r[1] != "ineligible"]
    passed = [r for r in ran if r[1] == "pass"]
    for r in results:
        if r[1] == "ineligible":
            skipped[r[2]] += 1
    doct = sum(1 for r in ran if uses_doctest(r[0]))
    doct_fail = sum(1 for r in ran if r[1] == "fail" and uses_doctest(r[0]))
    rate = len(passed) / len(ran) if ran else 1.0
    print()
    print(f"eligible {len(ran)}, passed {len(passed)} ({100 * rate:.1f}%), failed {len(ran) - len(passed)}")
    print(f"using doctest: {doct} eligible, {doct_fail} of them failing")
    print("not eligible: " + ", ".join(f"{k} {v}" for k, v in sorted(skipped.items())))
    for why in ("nondeterministic under CPython", "CPython timeout"):
        names = sorted(os.path.relpath(r[0], args.dir) for r in results if r[2] == why)
        if names:
            print(f"{why}:")
            for n in names:
                print(f"  {n}")
    causes = collections.Counter(r[2] for r in ran if r[1] == "fail")
    if causes:
        print("failures by cause:")
        for c, n in causes.most_common():
            print(f"  {n:4}  {c}")
    if args.min_rate is not None and rate < args.min_rate:
        sys.exit(1)


if __name__ == "__main__":
    main()
