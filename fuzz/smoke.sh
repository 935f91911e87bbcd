#!/usr/bin/env bash
# Short, bounded fuzzing for CI (.ci/run): every fixed regression input, then each
# target for a fixed number of runs from its seed corpus, with a fixed seed (so a
# commit gets the same verdict every time). A crash fails the script, printing the
# input (base64) and the panic. See README.md for long campaigns.
#   FUZZ_RUNS=N        executions per target (default: 600 to 4000; ~1 min each)
#   FUZZ_SMOKE=0       skip the whole thing
set -uo pipefail
cd "$(dirname "$0")"
if [ "${FUZZ_SMOKE:-1}" = 0 ]; then
    echo "fuzz smoke: skipped (FUZZ_SMOKE=0)"
    exit 0
fi
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "fuzz smoke: skipped (no nightly toolchain: cargo-fuzz needs one)"
    exit 0
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz smoke: installing cargo-fuzz"
    cargo install cargo-fuzz --locked --quiet || exit 1
fi
start=$SECONDS
cargo +nightly fuzz build >"${TMPDIR:-/tmp}/revpy-fuzz-build.log" 2>&1 || {
    tail -30 "${TMPDIR:-/tmp}/revpy-fuzz-build.log"
    exit 1
}
echo "fuzz smoke: targets built in $((SECONDS - start)) s"
./seed.sh >/dev/null
# Executions per target (about a minute each on a loaded two-core machine).
declare -A runs=([compile]=4000 [run]=3000 [log]=3000 [debugger]=600)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
passed=0
failed=0
for t in compile run log debugger; do
    t0=$SECONDS
    bin=target/x86_64-unknown-linux-gnu/release/$t
    flags=(-timeout=10 -rss_limit_mb=3072 -malloc_limit_mb=2048 -max_len=8192)
    case $t in
        compile | run) flags+=(-dict=python.dict) ;;
        debugger) flags+=(-dict=debugger.dict) ;;
    esac
    # Fixed regressions must pass (open ones, not fixed yet, are not run).
    if compgen -G "regressions/$t/fixed/*" >/dev/null; then
        if ! "$bin" "${flags[@]}" regressions/$t/fixed/* >"$logs/$t-regress" 2>&1; then
            echo "fuzz smoke: $t: a fixed regression crashes again:"
            tail -40 "$logs/$t-regress"
            failed=$((failed + 1))
            continue
        fi
    fi
    mkdir -p "artifacts/$t"
    if "$bin" "${flags[@]}" -seed=1 -runs="${FUZZ_RUNS:-${runs[$t]}}" -max_total_time=180 \
        -artifact_prefix="artifacts/$t/" "corpus/$t" >"$logs/$t" 2>&1; then
        echo "fuzz smoke: $t: ok ($(grep -o 'Done [0-9]* runs' "$logs/$t" | head -1), $((SECONDS - t0)) s)"
        passed=$((passed + 1))
    else
        echo "fuzz smoke: $t: CRASH ($((SECONDS - t0)) s)"
        grep -m1 -B2 -A12 "panicked\|ERROR: libFuzzer\|ERROR: AddressSanitizer" "$logs/$t"
        for a in $(grep -o "artifacts/$t/[a-z]*-[0-9a-f]*" "$logs/$t" | sort -u); do
            echo "input $a (base64):"
            base64 -w0 "$a"
            echo
        done
        failed=$((failed + 1))
    fi
done
echo "fuzz smoke: $((SECONDS - start)) s in all"
if [ -n "${CI_SECONDS_BEFORE_FUZZ:-}" ]; then
    echo "ci: $((CI_SECONDS_BEFORE_FUZZ + SECONDS)) s in all"
fi
echo "fuzz: $passed passed, $failed failed"
[ "$failed" = 0 ]
