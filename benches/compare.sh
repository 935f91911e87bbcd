#!/usr/bin/env bash
# Whole-program benchmarks: revpy vs CPython.
#
# Usage: benches/compare.sh [-n N] [-t SECONDS] [--no-build] [NAME ...]
#
#   -n N          runs per interpreter per program; the best (minimum) wall
#                 time is reported (default 3)
#   -t SECONDS    per-run time limit (default 300); a run over it is TIMEOUT
#   --no-build    do not run `cargo build --release --bin revpy` first
#   NAME ...      programs to run (nbody, nbody.py or benches/programs/nbody.py);
#                 default: every benches/programs/*.py
#
# Prints a markdown table (program, best python seconds, best revpy seconds,
# ratio revpy/python, status) and the geometric mean of the ratios. Exit
# status is 0 only if every program passed.
#
# Environment:
#   REVPY    path to the revpy binary (default: target/release/revpy). When set,
#            the cargo build is skipped.
#   PYTHON   path to the CPython binary (default: the real executable behind
#            `python3`, i.e. sys.executable, not the pyenv shim)
#
# revpy's stdout must equal benches/programs/NAME.out; otherwise the program is
# marked MISMATCH (or FAIL on a nonzero exit, TIMEOUT, MISSING if there is no
# binary) and left out of the geometric mean.
set -euo pipefail
export LC_ALL=C

usage() { awk 'NR > 1 { if (!/^#/) exit; sub(/^# ?/, ""); print }' "$0"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROGDIR="$ROOT/benches/programs"

N=3
LIMIT=300
BUILD=1
NAMES=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) [ $# -ge 2 ] || { echo "error: -n needs a value" >&2; exit 2; }
            N=$2; shift 2 ;;
        -n*) N=${1#-n}; shift ;;
        -t) [ $# -ge 2 ] || { echo "error: -t needs a value" >&2; exit 2; }
            LIMIT=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; NAMES+=("$@"); break ;;
        -*) echo "error: unknown option $1" >&2; usage >&2; exit 2 ;;
        *) NAMES+=("$1"); shift ;;
    esac
done
case "$N" in ''|*[!0-9]*|0) echo "error: -n must be a positive integer" >&2; exit 2 ;; esac
case "$LIMIT" in ''|*[!0-9]*|0) echo "error: -t must be a positive integer" >&2; exit 2 ;; esac

# ---- binaries -------------------------------------------------------------
if [ -n "${REVPY:-}" ]; then
    BUILD=0
else
    REVPY="$ROOT/target/release/revpy"
fi
if [ "$BUILD" = 1 ]; then
    echo "building: cargo build --release --bin revpy" >&2
    if ! (cd "$ROOT" && cargo build --release --bin revpy >&2); then
        echo "warning: cargo build failed; revpy runs will be reported as FAIL/MISSING" >&2
    fi
fi

if [ -z "${PYTHON:-}" ]; then
    PYTHON=$(python3 -c 'import sys; print(sys.executable)')
fi
if [ ! -x "$PYTHON" ]; then
    echo "error: python binary not found: $PYTHON" >&2
    exit 2
fi

# ---- program list -----------------------------------------------------------
FILES=()
if [ ${#NAMES[@]} -eq 0 ]; then
    for f in "$PROGDIR"/*.py; do
        [ -e "$f" ] && FILES+=("$f")
    done
else
    for name in "${NAMES[@]}"; do
        base=$(basename "$name" .py)
        f="$PROGDIR/$base.py"
        if [ ! -f "$f" ]; then
            echo "error: no such benchmark: $f" >&2
            exit 2
        fi
        FILES+=("$f")
    done
fi
[ ${#FILES[@]} -gt 0 ] || { echo "error: no benchmark programs in $PROGDIR" >&2; exit 2; }

OUTDIR=$(mktemp -d "${TMPDIR:-/tmp}/revpy-bench.XXXXXX")
KEEP_OUTDIR=0
cleanup() { if [ "$KEEP_OUTDIR" = 0 ]; then rm -rf "$OUTDIR"; fi; }
trap cleanup EXIT

# ---- timing -------------------------------------------------------------------
now() {
    if [ -n "${EPOCHREALTIME:-}" ]; then
        printf '%s\n' "$EPOCHREALTIME"
    else
        date +%s.%N
    fi
}

# run_once OUT ERR CMD...: runs CMD with stdout/stderr to files, sets
# RUN_RC and RUN_SECS.
run_once() {
    local out=$1 err=$2 t0 t1
    shift 2
    t0=$(now)
    if timeout "$LIMIT" "$@" >"$out" 2>"$err" </dev/null; then
        RUN_RC=0
    else
        RUN_RC=$?
    fi
    t1=$(now)
    RUN_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

min_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }

# bench NAME KIND CMD...: N runs, sets BEST (min seconds, or "") and STATUS.
# STATUS is ok, MISMATCH, FAIL(rc), TIMEOUT or MISSING.
bench() {
    local name=$1 kind=$2 i
    shift 2
    local expected="$PROGDIR/$name.out"
    local out="$OUTDIR/$name.$kind.out" err="$OUTDIR/$name.$kind.err"
    BEST=""
    STATUS=ok
    for ((i = 0; i < N; i++)); do
        run_once "$out" "$err" "$@"
        if [ "$RUN_RC" = 124 ]; then
            STATUS=TIMEOUT
        elif [ "$RUN_RC" != 0 ]; then
            STATUS="FAIL($RUN_RC)"
        elif [ -f "$expected" ] && ! cmp -s "$out" "$expected"; then
            STATUS=MISMATCH
        elif [ ! -f "$expected" ]; then
            STATUS=NO-OUT-FILE
        fi
        if [ "$STATUS" != ok ]; then
            BEST=$RUN_SECS
            return
        fi
        BEST=$(min_of "$BEST" "$RUN_SECS")
    done
}

# ---- main loop ------------------------------------------------------------------
echo "python: $PYTHON ($("$PYTHON" -c 'import sys; print(sys.version.split()[0])'))"
echo "revpy:  $REVPY"
echo "runs:   best of $N, limit ${LIMIT}s per run"
echo
printf '| %-22s | %9s | %9s | %7s | %-10s |\n' program "python s" "revpy s" ratio status
printf '|%s|%s|%s|%s|%s|\n' "------------------------" "----------:" "----------:" "--------:" "------------"

RATIOS=()
DETAILS=()
PASSED=0
TOTAL=0
for f in "${FILES[@]}"; do
    name=$(basename "$f" .py)
    TOTAL=$((TOTAL + 1))

    bench "$name" python "$PYTHON" "$f"
    py_best=$BEST
    py_status=$STATUS

    if [ -x "$REVPY" ]; then
        bench "$name" revpy "$REVPY" run "$f"
        rv_best=$BEST
        rv_status=$STATUS
    else
        rv_best=""
        rv_status=MISSING
    fi

    ratio="-"
    status=$rv_status
    if [ "$py_status" != ok ]; then
        status="python:$py_status"
        KEEP_OUTDIR=1
    elif [ "$rv_status" = ok ]; then
        ratio=$(awk -v r="$rv_best" -v p="$py_best" 'BEGIN { if (p > 0) printf "%.2f", r / p; else print "-" }')
        if [ "$ratio" != "-" ]; then
            RATIOS+=("$(awk -v r="$rv_best" -v p="$py_best" 'BEGIN { printf "%.6f", r / p }')")
            PASSED=$((PASSED + 1))
        fi
    elif [ "$rv_status" != MISSING ]; then
        KEEP_OUTDIR=1
        if [ "$rv_status" = MISMATCH ]; then
            DETAILS+=("$name: MISMATCH, first differences (expected < > revpy):")
            while IFS= read -r line; do DETAILS+=("    $line"); done \
                < <(diff "$PROGDIR/$name.out" "$OUTDIR/$name.revpy.out" | head -n 6 || true)
        else
            DETAILS+=("$name: $rv_status, last lines of stderr:")
            while IFS= read -r line; do DETAILS+=("    $line"); done \
                < <(tail -n 4 "$OUTDIR/$name.revpy.err" || true)
        fi
    fi
    printf '| %-22s | %9s | %9s | %7s | %-10s |\n' "$name" "${py_best:--}" "${rv_best:--}" "$ratio" "$status"
done

echo
if [ ${#DETAILS[@]} -gt 0 ]; then
    printf '%s\n' "${DETAILS[@]}"
    echo
fi
if [ ${#RATIOS[@]} -gt 0 ]; then
    geo=$(printf '%s\n' "${RATIOS[@]}" | awk '{ s += log($1); n++ } END { printf "%.2f", exp(s / n) }')
    echo "geometric mean revpy/python: $geo  ($PASSED of $TOTAL programs passed)"
else
    echo "geometric mean revpy/python: n/a  (0 of $TOTAL programs passed)"
fi
if [ "$KEEP_OUTDIR" = 1 ]; then
    echo "outputs of failing runs kept in $OUTDIR (NAME.revpy.out / .err; compare with benches/programs/NAME.out)"
fi
[ "$PASSED" = "$TOTAL" ]
