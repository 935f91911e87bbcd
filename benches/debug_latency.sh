#!/usr/bin/env bash
# Reverse-debugger latency and memory on a long recording.
#
# Usage: benches/debug_latency.sh [--no-build] [-n N] [--seed S] [-t SECONDS]
#                                 [-- EXTRA OPTIONS FOR debug_latency]
#
#   --no-build    do not run `cargo build --release --bin revpy --examples`
#   -n N          samples per operation (default 30)
#   --seed S      seed of the random times (default 1)
#   -t SECONDS    time limit of one debugger operation (default 120); an
#                 operation over it is interrupted and counted as a timeout,
#                 and an operation stops being sampled after two timeouts
#   -- ...        passed on to the example, e.g. `-- --bcont 5 --budget-mb 512`
#
# Steps: build; record benches/debug/long_run.py (or $PROGRAM); measure the
# peak RSS of `revpy run` of the same program; run
# target/release/examples/debug_latency over the recording (see
# benches/debug_latency.rs); print a markdown table of median, p95 and max
# latency per operation with the issue's targets, and the ratio of the
# debugger's peak RSS to the program's.
#
# Environment:
#   REVPY      the revpy binary (default target/release/revpy)
#   BENCH      the debug_latency binary (default target/release/examples/debug_latency)
#   PROGRAM    the Python program (default benches/debug/long_run.py)
# Setting REVPY or BENCH skips the build.
set -euo pipefail
export LC_ALL=C

usage() { awk 'NR > 1 { if (!/^#/) exit; sub(/^# ?/, ""); print }' "$0"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=30
SEED=1
LIMIT=120
BUILD=1
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        -n) [ $# -ge 2 ] || { echo "error: -n needs a value" >&2; exit 2; }
            N=$2; shift 2 ;;
        --seed) [ $# -ge 2 ] || { echo "error: --seed needs a value" >&2; exit 2; }
            SEED=$2; shift 2 ;;
        -t) [ $# -ge 2 ] || { echo "error: -t needs a value" >&2; exit 2; }
            LIMIT=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) usage; exit 0 ;;
        --) shift; EXTRA+=("$@"); break ;;
        *) echo "error: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
case "$N" in ''|*[!0-9]*) echo "error: -n must be a number" >&2; exit 2 ;; esac
case "$LIMIT" in ''|*[!0-9]*|0) echo "error: -t must be a positive integer" >&2; exit 2 ;; esac

[ -n "${REVPY:-}${BENCH:-}" ] && BUILD=0
REVPY=${REVPY:-$ROOT/target/release/revpy}
BENCH=${BENCH:-$ROOT/target/release/examples/debug_latency}
PROGRAM=${PROGRAM:-$ROOT/benches/debug/long_run.py}

if [ "$BUILD" = 1 ]; then
    echo "building: cargo build --release --bin revpy --examples" >&2
    (cd "$ROOT" && cargo build --release --bin revpy --examples) >&2
fi
for b in "$REVPY" "$BENCH"; do
    [ -x "$b" ] || { echo "error: $b is missing (build it, or drop --no-build)" >&2; exit 2; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/debug_latency.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
LOG="$TMP/$(basename "$PROGRAM" .py).revlog"

# ---- peak RSS of a command, in kB -------------------------------------------
# GNU time if it works here; else Python's getrusage; else polling VmHWM.
peak_rss_kb() {
    if /usr/bin/time -v true >/dev/null 2>&1; then
        /usr/bin/time -v -o "$TMP/time.txt" "$@" >/dev/null
        awk -F': *' '/Maximum resident set size/ { print $2 }' "$TMP/time.txt"
    elif command -v python3 >/dev/null 2>&1; then
        python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)' "$@"
    else
        "$@" >/dev/null &
        local pid=$! hwm=0 v
        while kill -0 "$pid" 2>/dev/null; do
            v=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$v" ] && hwm=$v
            sleep 0.05
        done
        wait "$pid"
        echo "$hwm"
    fi
}

echo "recording: $REVPY record -o $LOG $PROGRAM" >&2
"$REVPY" record -o "$LOG" "$PROGRAM" >/dev/null
STOPS=$("$REVPY" info "$LOG" | awk '/^stop points:/ { print $3 }')
echo "stop points: $STOPS" >&2

START=$(date +%s.%N)
RUN_KB=$(peak_rss_kb "$REVPY" run "$PROGRAM")
RUN_S=$(awk -v a="$START" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
echo "revpy run: ${RUN_S} s, peak RSS ${RUN_KB} kB" >&2

echo "debugger: $BENCH $LOG -n $N --seed $SEED --op-timeout $LIMIT ${EXTRA[*]:-}" >&2
"$BENCH" "$LOG" -n "$N" --seed "$SEED" --op-timeout "$LIMIT" ${EXTRA[@]+"${EXTRA[@]}"} \
    | tee "$TMP/out.txt" >&2

# ---- the table ---------------------------------------------------------------
awk -v run_kb="$RUN_KB" -v run_s="$RUN_S" -v stops="$STOPS" -v limit="$LIMIT" '
function kv(line, key,   i, n, f, p) {
    n = split(line, f, " ")
    for (i = 1; i <= n; i++) {
        p = index(f[i], "=")
        if (p > 0 && substr(f[i], 1, p - 1) == key) return substr(f[i], p + 1)
    }
    return ""
}
function ms(x) { return x == "-" || x == "" ? "-" : sprintf("%.1f ms", x) }
/^RESULT / { r[$2] = $0 }
END {
    printf "Recording: %s stop points; `revpy run`: %s s. Load average: %s at the start of the debugger, %s at the end.\n\n", stops, run_s, kv(r["forward"], "load"), kv(r["bcontinue"], "load")
    print "| operation | n | median | p95 | max | CPU time: median / p95 | stop points replayed: median / p95 | target |"
    print "|---|---|---|---|---|---|---|---|"
    printf "| forward pass (first `go` to the end) | 1 | %s | | | %s | %s | |\n", ms(kv(r["forward"], "ms")), ms(kv(r["forward"], "cpu_ms")), kv(r["forward"], "stop_points")
    split("go bstep bcontinue", ops, " ")
    name["go"] = "`go` to a random time"
    name["bstep"] = "`bstep` from a random time"
    name["bcontinue"] = "`bcontinue`, `watch $N.value`"
    target["go"] = "median <= 50 ms, p95 <= 200 ms"
    target["bstep"] = "p95 <= 20 ms"
    target["bcontinue"] = "p95 <= 500 ms"
    for (i = 1; i <= 3; i++) {
        o = ops[i]; l = r[o]
        if (l == "") continue
        n = kv(l, "n"); t = kv(l, "timeouts") + 0; e = kv(l, "errors") + 0
        if (t > 0) n = n sprintf(" (+%d timed out > %s s)", t, limit)
        if (e > 0) n = n sprintf(" (+%d errors)", e)
        label = name[o]
        if (o == "bcontinue" && r["bcont_back"] != "")
            label = label sprintf(" (went back median %s stop points)", kv(r["bcont_back"], "median"))
        printf "| %s | %s | %s | %s | %s | %s / %s | %s / %s | %s |\n", label, n, ms(kv(l, "median_ms")), \
            ms(kv(l, "p95_ms")), ms(kv(l, "max_ms")), ms(kv(l, "cpu_median_ms")), ms(kv(l, "cpu_p95_ms")), \
            kv(l, "replayed_median"), kv(l, "replayed_p95"), target[o]
    }
    dbg_kb = kv(r["memory"], "peak_rss_kb")
    ck = r["checkpoints"]
    printf "\n| memory | peak RSS |\n|---|---|\n"
    printf "| `revpy run` | %.1f MiB |\n", run_kb / 1024
    printf "| debugger (`debug_latency`, %s checkpoints of which %s packed, %.1f MiB estimated, at the end) | %.1f MiB |\n", \
        kv(ck, "count"), kv(ck, "packed"), kv(ck, "bytes") / 1048576, dbg_kb / 1024
    printf "| **debugger / run** | **%.2fx** (target <= 3x) |\n", dbg_kb / run_kb
    print ""
    if (r["bstep_gap"] != "")
        printf "- `bstep` replays from the latest checkpoint before its start: median %s stop points away.\n", \
            kv(r["bstep_gap"], "median")
    if (r["bcont_scanned"] != "")
        printf "- `bcontinue`: the intervals it searched cover a median of %s stop points; one evaluation of the watch expression takes %s ms (a search evaluates it at every stop point).\n", \
            kv(r["bcont_scanned"], "median"), kv(r["watch_eval"], "median_ms")
    if (kv(r["bcont_back"], "checked") + 0 > 0)
        printf "- `bcontinue` landed on the expected change (one period back) in %s of %s samples; stderr lists the misses.\n", \
            kv(r["bcont_back"], "expected"), kv(r["bcont_back"], "checked")
    printf "- Peak RSS of the debugger after the forward pass alone: %.1f MiB.\n", kv(r["memory"], "after_forward_kb") / 1024
}' "$TMP/out.txt"
