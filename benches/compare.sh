#!/usr/bin/env bash
# Whole-program benchmarks: revpy vs CPython.
#
# Usage: benches/compare.sh [-n N] [-t SECONDS] [--cpu] [--no-build] [-g GROUP] [NAME ...]
#
#   -n N          runs per interpreter per program; the best (minimum) time is
#                 reported (default 3)
#   -t SECONDS    per-run time limit (default 300); a run over it is TIMEOUT
#   --cpu         report CPU time (user + sys, from /usr/bin/time) instead of
#                 wall time: steadier when other work shares the machine
#   --no-build    do not run `cargo build --release --bin revpy` first
#   -g GROUP      only the programs of GROUP (pure, stdlib, effects, memory)
#   NAME ...      programs to run (nbody, nbody.py or benches/programs/nbody.py);
#                 default: every benches/programs/*.py
#
# Each program names its group on a line `# bench-group: GROUP` near its top:
# `pure` (the interpreter: no or incidental imports), `stdlib` (time mostly spent
# in standard modules: json, re, copy, pprint, collections), `effects` (I/O),
# `memory` (peak RSS programs). Prints a markdown table (program, group, best
# python seconds, best revpy seconds, ratio revpy/python, status), the geometric
# means of the ratios per group, of pure+stdlib and of all programs, then a
# memory table: the peak RSS (max over the runs, from /usr/bin/time, when
# installed) of both and their ratio. Exit status is 0 only if every program
# passed.
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
CPU=0
GROUP=""
NAMES=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) [ $# -ge 2 ] || { echo "error: -n needs a value" >&2; exit 2; }
            N=$2; shift 2 ;;
        -n*) N=${1#-n}; shift ;;
        -t) [ $# -ge 2 ] || { echo "error: -t needs a value" >&2; exit 2; }
            LIMIT=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        --cpu) CPU=1; shift ;;
        -g) [ $# -ge 2 ] || { echo "error: -g needs a value" >&2; exit 2; }
            GROUP=$2; shift 2 ;;
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

# group_of FILE: the program's `# bench-group:` (or "other").
group_of() {
    local g
    g=$(awk 'NR <= 5 && /^# bench-group:/ { print $3; exit }' "$1")
    printf '%s\n' "${g:-other}"
}
if [ -n "$GROUP" ]; then
    KEPT=()
    for f in "${FILES[@]}"; do
        [ "$(group_of "$f")" = "$GROUP" ] && KEPT+=("$f")
    done
    [ ${#KEPT[@]} -gt 0 ] || { echo "error: no programs in group $GROUP" >&2; exit 2; }
    FILES=("${KEPT[@]}")
fi
# Programs in group order: pure, stdlib, effects, memory, others.
SORTED=()
for g in pure stdlib effects memory; do
    for f in "${FILES[@]}"; do [ "$(group_of "$f")" = "$g" ] && SORTED+=("$f"); done
done
for f in "${FILES[@]}"; do
    case "$(group_of "$f")" in pure|stdlib|effects|memory) ;; *) SORTED+=("$f") ;; esac
done
FILES=("${SORTED[@]}")

TIMECMD=""
if [ -x /usr/bin/time ]; then
    TIMECMD=/usr/bin/time
elif [ "$CPU" = 1 ]; then
    echo "error: --cpu needs /usr/bin/time" >&2
    exit 2
fi

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
# RUN_RC, RUN_SECS (wall, or CPU with --cpu) and RUN_KB (peak RSS, or "").
run_once() {
    local out=$1 err=$2 t0 t1 tf=$OUTDIR/time.txt
    shift 2
    RUN_KB=""
    t0=$(now)
    if [ -n "$TIMECMD" ]; then
        if timeout "$LIMIT" "$TIMECMD" -o "$tf" -f '%U %S %M' "$@" >"$out" 2>"$err" </dev/null; then
            RUN_RC=0
        else
            RUN_RC=$?
        fi
    elif timeout "$LIMIT" "$@" >"$out" 2>"$err" </dev/null; then
        RUN_RC=0
    else
        RUN_RC=$?
    fi
    t1=$(now)
    RUN_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [ -n "$TIMECMD" ] && [ -s "$tf" ]; then
        # The last line (time prints "Command exited with non-zero status" first).
        local line
        line=$(tail -n 1 "$tf")
        RUN_KB=$(awk '{ print $3 }' <<<"$line")
        if [ "$CPU" = 1 ]; then
            RUN_SECS=$(awk '{ printf "%.3f", $1 + $2 }' <<<"$line")
        fi
        rm -f "$tf"
    fi
}

min_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }

# bench NAME KIND CMD...: N runs, sets BEST (min seconds, or ""), PEAK (max
# peak RSS in KB, or "") and STATUS. STATUS is ok, MISMATCH, FAIL(rc), TIMEOUT
# or MISSING.
bench() {
    local name=$1 kind=$2 i
    shift 2
    local expected="$PROGDIR/$name.out"
    local out="$OUTDIR/$name.$kind.out" err="$OUTDIR/$name.$kind.err"
    BEST=""
    PEAK=""
    STATUS=ok
    for ((i = 0; i < N; i++)); do
        run_once "$out" "$err" "$@"
        if [ -n "$RUN_KB" ] && { [ -z "$PEAK" ] || [ "$RUN_KB" -gt "$PEAK" ]; }; then
            PEAK=$RUN_KB
        fi
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
if [ "$CPU" = 1 ]; then what="CPU time (user + sys)"; else what="wall time"; fi
echo "runs:   best of $N, $what, limit ${LIMIT}s per run"
echo
printf '| %-22s | %-7s | %9s | %9s | %7s | %-10s |\n' program group "python s" "revpy s" ratio status
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------" "---------" "----------:" "----------:" "--------:" "------------"

# RATIOS holds "group ratio" lines; MEMROWS the memory table's rows.
RATIOS=()
MEMROWS=()
DETAILS=()
PASSED=0
TOTAL=0
for f in "${FILES[@]}"; do
    name=$(basename "$f" .py)
    group=$(group_of "$f")
    TOTAL=$((TOTAL + 1))

    bench "$name" python "$PYTHON" "$f"
    py_best=$BEST
    py_peak=$PEAK
    py_status=$STATUS

    if [ -x "$REVPY" ]; then
        bench "$name" revpy "$REVPY" run "$f"
        rv_best=$BEST
        rv_peak=$PEAK
        rv_status=$STATUS
    else
        rv_best=""
        rv_peak=""
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
            RATIOS+=("$group $(awk -v r="$rv_best" -v p="$py_best" 'BEGIN { printf "%.6f", r / p }')")
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
    printf '| %-22s | %-7s | %9s | %9s | %7s | %-10s |\n' "$name" "$group" "${py_best:--}" "${rv_best:--}" "$ratio" "$status"
    if [ -n "$py_peak" ] && [ -n "$rv_peak" ]; then
        MEMROWS+=("$(awk -v n="$name" -v g="$group" -v p="$py_peak" -v r="$rv_peak" \
            'BEGIN { printf "| %-22s | %-7s | %9.1f | %9.1f | %7.2f |", n, g, p / 1024, r / 1024, r / p }')")
    fi
done

echo
if [ ${#DETAILS[@]} -gt 0 ]; then
    printf '%s\n' "${DETAILS[@]}"
    echo
fi
# geo LABEL GROUP...: the geometric mean of the ratios of the groups named.
geo() {
    local label=$1
    shift
    printf '%s\n' "${RATIOS[@]}" | awk -v label="$label" -v groups=" $* " '
        index(groups, " " $1 " ") { s += log($2); n++ }
        END { if (n) printf "geometric mean revpy/python, %-14s %5.2f  (%d programs)\n", label ":", exp(s / n), n }'
}
if [ ${#RATIOS[@]} -gt 0 ]; then
    geo "pure" pure
    geo "stdlib" stdlib
    geo "pure+stdlib" pure stdlib
    geo "all" pure stdlib effects memory other
    echo "($PASSED of $TOTAL programs passed)"
else
    echo "geometric mean revpy/python: n/a  (0 of $TOTAL programs passed)"
fi
if [ ${#MEMROWS[@]} -gt 0 ]; then
    echo
    printf '| %-22s | %-7s | %9s | %9s | %7s |\n' program group "python MB" "revpy MB" ratio
    printf '|%s|%s|%s|%s|%s|\n' "------------------------" "---------" "----------:" "----------:" "--------:"
    printf '%s\n' "${MEMROWS[@]}"
    echo
    echo "(peak RSS: the largest of the runs, from /usr/bin/time)"
fi
if [ "$KEEP_OUTDIR" = 1 ]; then
    echo "outputs of failing runs kept in $OUTDIR (NAME.revpy.out / .err; compare with benches/programs/NAME.out)"
fi
[ "$PASSED" = "$TOTAL" ]
