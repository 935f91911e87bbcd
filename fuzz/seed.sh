#!/usr/bin/env bash
# Seed corpora for the fuzz targets, generated from the repository (no binary
# seeds are committed): fuzz/corpus/<target>/.
#   compile, run: every test program (tests/programs/**/*.py)
#   log:          recordings of test programs made by `revpy record` (REVPY, default
#                 target/debug/revpy, built if missing), each once as is and once
#                 with a first byte asking the target to fix checksums after mutation
#   debugger:     the golden command files of tests/revdb/, for their programs
# Usage: fuzz/seed.sh   (idempotent; existing corpus entries are kept)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
revpy=${REVPY:-$root/target/debug/revpy}
if [ ! -x "$revpy" ]; then
    (cd "$root" && cargo build --quiet)
fi
mkdir -p corpus/compile corpus/run corpus/log corpus/debugger

# Name a seed by its content, so reruns do not duplicate.
put() { # DIR FILE
    local sum
    sum=$(sha1sum "$2" | cut -c1-16)
    cp "$2" "$1/seed-$sum"
}

n=0
while IFS= read -r -d '' p; do
    put corpus/compile "$p"
    put corpus/run "$p"
    n=$((n + 1))
done < <(find "$root/tests/programs" -name '*.py' -print0 | sort -z)

# Recordings: the effects programs (console, files, os, time, random) and a few
# others, each recorded in a scratch copy of its directory with empty stdin.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
logs=0
for p in "$root"/tests/programs/effects/*.py "$root"/tests/programs/imports/*.py \
         "$root"/tests/programs/errors/*.py "$root"/tests/programs/realistic/*.py; do
    [ -f "$p" ] || continue
    d="$tmp/w$logs"
    mkdir -p "$d"
    cp -r "$(dirname "$p")"/. "$d"/
    name=$(basename "$p")
    (cd "$d" && timeout 20 "$revpy" record -o "$tmp/rec.revlog" "$name" \
        </dev/null >/dev/null 2>&1) || true
    if [ -s "$tmp/rec.revlog" ]; then
        { printf '\001'; cat "$tmp/rec.revlog"; } > "$tmp/raw"
        { printf '\000'; cat "$tmp/rec.revlog"; } > "$tmp/fix"
        put corpus/log "$tmp/raw"
        put corpus/log "$tmp/fix"
        logs=$((logs + 1))
    fi
    rm -rf "$d" "$tmp/rec.revlog"
done

# The debugger target's first byte picks the program (its PROGRAMS table order).
i=0
for prog in calls deleted scenario1 scenario2 x_times_10; do
    c="$root/tests/revdb/$prog.cmds"
    if [ -f "$c" ]; then
        { printf "\\$(printf '%03o' "$i")"; cat "$c"; } > "$tmp/cmd"
        put corpus/debugger "$tmp/cmd"
    fi
    for cmds in 'c\nbc\nbt\ninfo checkpoints' 's\ns\nbs\nn\nbn\nfinish\nbfinish' \
                'break 3\nc\np 1+1\nwatch $0\nbc\ngo 1\nstepi\nbstepi\nll\ndis' \
                'p [x for x in range(3)]\nlocals\nglobals\nup\ndown\nlist\ninfo stack'; do
        { printf "\\$(printf '%03o' "$i")"; printf "$cmds\n"; } > "$tmp/cmd"
        put corpus/debugger "$tmp/cmd"
    done
    i=$((i + 1))
done
echo "seeds: $n programs (compile, run), $logs recordings (log, twice each), $(ls corpus/debugger | wc -l) debugger scripts"
