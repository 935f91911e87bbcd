#!/usr/bin/env bash
# Recording overhead: revpy run vs revpy record vs revpy replay.
#
# Usage: benches/record_compare.sh [-n N] [-t SECONDS] [--no-build] [NAME ...]
#
#   -n N          runs of each command per program; the best (minimum) wall
#                 time is reported (default 3)
#   -t SECONDS    per-run time limit (default 300); a run over it is TIMEOUT
#   --no-build    do not run `cargo build --release --bin revpy` first
#   NAME ...      programs to run (nbody, nbody.py or benches/programs/nbody.py);
#                 default: every benches/programs/*.py
#
# For each program: the best wall time of `revpy run FILE`, `revpy record -o LOG
# FILE` and `revpy replay LOG` (output to a file, as run's), the ratios
# record/run and replay/run, the log's size, its number of effects, and the
# bytes per effect (log bytes after the header and the main source, divided by
# the effects). Then the geometric means of both ratios (targets: record/run
# <= 1.05, replay/run <= 1.10). benches/programs/effect_heavy.py is the
# effect-heavy program (200,000 prints).
#
# Every run's stdout must equal benches/programs/NAME.out (else MISMATCH; a
# nonzero exit is FAIL(rc)); failing rows are left out of the means. Exit
# status 0 only if every program passed.
#
# Environment: REVPY, the revpy binary (default target/release/revpy; setting
# it skips the build).
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

if [ -n "${REVPY:-}" ]; then
    BUILD=0
else
    REVPY="$ROOT/target/release/revpy"
fi
if [ "$BUILD" = 1 ]; then
    echo "building: cargo build --release --bin revpy" >&2
    (cd "$ROOT" && cargo build --release --bin revpy >&2) || echo "warning: cargo build failed" >&2
fi
[ -x "$REVPY" ] || { echo "error: no revpy binary at $REVPY" >&2; exit 2; }

FILES=()
if [ ${#NAMES[@]} -eq 0 ]; then
    for f in "$PROGDIR"/*.py; do [ -e "$f" ] && FILES+=("$f"); done
else
    for name in "${NAMES[@]}"; do
        f="$PROGDIR/$(basename "$name" .py).py"
        [ -f "$f" ] || { echo "error: no such benchmark: $f" >&2; exit 2; }
        FILES+=("$f")
    done
fi
[ ${#FILES[@]} -gt 0 ] || { echo "error: no benchmark programs in $PROGDIR" >&2; exit 2; }

OUTDIR=$(mktemp -d "${TMPDIR:-/tmp}/revpy-record-bench.XXXXXX")
KEEP_OUTDIR=0
cleanup() { if [ "$KEEP_OUTDIR" = 0 ]; then rm -rf "$OUTDIR"; fi; }
trap cleanup EXIT

now() {
    if [ -n "${EPOCHREALTIME:-}" ]; then printf '%s\n' "$EPOCHREALTIME"; else date +%s.%N; fi
}

# run_once OUT ERR CMD...: sets RUN_RC and RUN_SECS.
run_once() {
    local out=$1 err=$2 t0 t1
    shift 2
    t0=$(now)
    if timeout "$LIMIT" "$@" >"$out" 2>"$err" </dev/null; then RUN_RC=0; else RUN_RC=$?; fi
    t1=$(now)
    RUN_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

min_of() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }

# bench NAME KIND CMD...: N runs; sets BEST and STATUS (ok, MISMATCH, FAIL(rc), TIMEOUT).
bench() {
    local name=$1 kind=$2 i
    shift 2
    local out="$OUTDIR/$name.$kind.out" err="$OUTDIR/$name.$kind.err"
    BEST=""
    STATUS=ok
    for ((i = 0; i < N; i++)); do
        run_once "$out" "$err" "$@"
        if [ "$RUN_RC" = 124 ]; then STATUS=TIMEOUT
        elif [ "$RUN_RC" != 0 ]; then STATUS="FAIL($RUN_RC)"
        elif ! cmp -s "$out" "$PROGDIR/$name.out"; then STATUS=MISMATCH
        fi
        if [ "$STATUS" != ok ]; then BEST=$RUN_SECS; return; fi
        BEST=$(min_of "$BEST" "$RUN_SECS")
    done
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }'; }

echo "revpy:  $REVPY"
echo "runs:   best of $N, limit ${LIMIT}s per run"
echo
printf '| %-20s | %7s | %8s | %8s | %10s | %10s | %10s | %8s | %8s | %-8s |\n' \
    program "run s" "record s" "replay s" "record/run" "replay/run" "log bytes" effects "B/effect" status
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "----------------------" "--------:" "---------:" "---------:" \
    "-----------:" "-----------:" "-----------:" "---------:" "---------:" "----------"

REC_RATIOS=()
REP_RATIOS=()
PASSED=0
TOTAL=0
for f in "${FILES[@]}"; do
    name=$(basename "$f" .py)
    TOTAL=$((TOTAL + 1))
    log="$OUTDIR/$name.revlog"
    [ -f "$PROGDIR/$name.out" ] || { echo "warning: no $name.out, skipped" >&2; continue; }

    bench "$name" run "$REVPY" run "$f"
    run_s=$BEST; status=$STATUS
    rec_s=""; rep_s=""
    if [ "$status" = ok ]; then
        bench "$name" record "$REVPY" record -o "$log" "$f"
        rec_s=$BEST; [ "$STATUS" = ok ] || status="record:$STATUS"
    fi
    if [ "$status" = ok ]; then
        bench "$name" replay "$REVPY" replay "$log"
        rep_s=$BEST; [ "$STATUS" = ok ] || status="replay:$STATUS"
    fi

    size="-"; effects="-"; per="-"; rr="-"; pr="-"
    if [ -f "$log" ]; then
        size=$(wc -c <"$log" | tr -d ' ')
        effects=$("$REVPY" info "$log" | awk '/^effects:/ { print $2 }')
        # Bytes after the 20-byte preamble and the header (whose length is at offset 12).
        hlen=$(od -An -tu4 -j12 -N4 "$log" | tr -d ' ')
        per=$(awk -v s="$size" -v h="$hlen" -v e="$effects" 'BEGIN { if (e > 0) printf "%.2f", (s - 20 - h) / e; else print "-" }')
    fi
    if [ "$status" = ok ]; then
        rr=$(ratio "$rec_s" "$run_s"); pr=$(ratio "$rep_s" "$run_s")
        REC_RATIOS+=("$rr"); REP_RATIOS+=("$pr")
        PASSED=$((PASSED + 1))
    else
        KEEP_OUTDIR=1
    fi
    printf '| %-20s | %7s | %8s | %8s | %10s | %10s | %10s | %8s | %8s | %-8s |\n' \
        "$name" "${run_s:--}" "${rec_s:--}" "${rep_s:--}" "$rr" "$pr" "$size" "$effects" "$per" "$status"
done

geo() { printf '%s\n' "$@" | awk '$1 > 0 { s += log($1); n++ } END { if (n) printf "%.3f", exp(s / n); else print "n/a" }'; }
echo
if [ "$PASSED" -gt 0 ]; then
    echo "geometric mean record/run: $(geo "${REC_RATIOS[@]}")  (target <= 1.05)"
    echo "geometric mean replay/run: $(geo "${REP_RATIOS[@]}")  (target <= 1.10)"
fi
echo "$PASSED of $TOTAL programs passed"
if [ "$KEEP_OUTDIR" = 1 ]; then
    echo "outputs of failing runs kept in $OUTDIR"
fi
[ "$PASSED" = "$TOTAL" ]
