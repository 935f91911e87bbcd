#!/usr/bin/env bash
# Regenerate the expected outputs of the revpy test corpus with CPython 3.11.
#
# Conventions:
#   * Every test program is tests/programs/<category>/<name>.py.
#   * It is run from its own directory with a relative file name, so tracebacks
#     read `File "<name>.py", line N`:
#         cd <category dir> && PYTHONHASHSEED=0 \
#             python3 <name>.py > <name>.out 2> <name>.err; echo $? > <name>.code
#     (with column positions: tracebacks carry CPython's `^^^` markers).
#   * CPython 3.11 reports the main script by its absolute path, so the absolute
#     directory prefix is stripped from <name>.err: `File "/abs/dir/x.py"`
#     becomes `File "x.py"`, exactly as revpy (run as `revpy run x.py` from the
#     program's directory) must print it. The same prefix is stripped at the start
#     of a line, where `warnings` prints `/abs/dir/x.py:LINE: Category: message`.
#   * <name>.out always holds the expected stdout.
#   * If the exit status is 0 and stderr is empty, <name>.err and <name>.code are
#     deleted (only <name>.out stays). Otherwise all three files are kept:
#     <name>.err holds the expected stderr and <name>.code the exit status.
#   * Support modules are not programs and get no expected files:
#       - any .py file whose name starts with `mod_` (e.g. imports/mod_helpers.py),
#       - any .py file in a directory containing an `__init__.py` (a package),
#       - anything inside a directory named `support_*`.
#   * PYTHONDONTWRITEBYTECODE=1 is also set (no __pycache__; output unaffected).
#   * Programs must be deterministic (no ids, addresses, times, randomness);
#     set iteration order is fixed by PYTHONHASHSEED=0 and may be printed.
#
# Usage: tests/regen_expected.sh [PYTHON] [PROGRAM.py ...]
#   PYTHON defaults to python3; with programs named, only those are regenerated
#   (e.g. tests/regen_expected.sh tests/programs/strings/new_test.py).
set -u
PY=python3
case "${1:-}" in ""|*.py) ;; *) PY="$1"; shift ;; esac
ROOT="$(cd "$(dirname "$0")/programs" && pwd)"

programs() {
    if [ $# -gt 0 ]; then
        for f in "$@"; do echo "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"; done
    else
        find "$ROOT" -name '*.py' | sort
    fi
}

programs "$@" | while read -r f; do
    dir="$(dirname "$f")"
    base="$(basename "$f" .py)"
    case "$base" in mod_*) continue ;; esac
    [ -e "$dir/__init__.py" ] && continue
    case "$dir/" in */support_*/*) continue ;; esac
    (
        cd "$dir" || exit 1
        PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 "$PY" "$base.py" > "$base.out" 2> "$base.err"
        echo $? > "$base.code"
        # Strip the absolute directory from traceback file names (see above).
        esc="$(printf '%s' "$PWD/" | sed 's/[][\\.*^$|]/\\&/g')"
        sed -i "s|File \"$esc|File \"|g; s|^$esc||" "$base.err"
        if [ "$(cat "$base.code")" = "0" ] && [ ! -s "$base.err" ]; then
            rm -f "$base.err" "$base.code"
        fi
    )
done
