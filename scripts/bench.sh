#!/usr/bin/env bash
# End-to-end benchmarks of the `brief` binary. Not part of `cargo test`.
#
#   scripts/bench.sh            build, generate inputs (if missing), time, print a Markdown table
#   scripts/bench.sh --regen    regenerate the inputs first
#
# Needs python3 and ../shared/bench/gen-corpus.py (relative to the repository
# root). Uses hyperfine when installed, else a loop around /usr/bin/time.
# Also times mdcat, `pandoc -t plain` and glow when they are on PATH.
# Installs nothing. Environment: RUNS (default 10), WARMUP (default 2).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

gen="../shared/bench/gen-corpus.py"
out="bench-out/corpus"
runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
regen=0
for arg in "$@"; do
    case "$arg" in
        --regen) regen=1 ;;
        -h | --help)
            sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "bench.sh: unknown argument: $arg" >&2
            exit 2
            ;;
    esac
done

die() {
    echo "bench.sh: $*" >&2
    exit 1
}
have() { command -v "$1" > /dev/null 2>&1; }

[[ -f "$gen" ]] || die "$root/$gen not found: the corpus generator lives in ../shared (next to this repository); check it out there first"
have python3 || die "python3 is needed to run $gen"

echo "== cargo build --release" >&2
cargo build --release >&2
brief="$root/target/release/brief"
[[ -x "$brief" ]] || die "$brief was not built"

if [[ $regen -eq 1 || ! -f "$out/sized-10m.md" || ! -f "$out/sized-1m.md" || ! -f "$out/sized-10k.md" ]]; then
    echo "== python3 $gen --count 1000 --sized 10k,1m,10m --out $out" >&2
    rm -rf "$out"
    python3 "$gen" --count 1000 --sized 10k,1m,10m --out "$out" >&2
fi
for s in 10k 1m 10m; do
    [[ -f "$out/sized-$s.md" ]] || die "$out/sized-$s.md was not generated"
done

# Keep brief away from the user's config and reading state.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export BRIEF_CONFIG_DIR="$scratch/config" BRIEF_DATA_DIR="$scratch/data" BRIEF_CACHE_DIR="$scratch/cache"
export NO_COLOR=1

gnu_time=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true > /dev/null 2>&1; then
    gnu_time=/usr/bin/time
fi

rows=()

# Peak RSS in KiB: the largest of three runs (empty when /usr/bin/time is missing).
peak_rss() {
    [[ -n "$gnu_time" ]] || return 0
    local max=0 kb
    for _ in 1 2 3; do
        "$gnu_time" -f %M -o "$scratch/rss" "$@" > /dev/null 2> /dev/null || true
        kb="$(tail -n 1 "$scratch/rss")"
        if ((kb > max)); then max=$kb; fi
    done
    echo "$max"
}

# time_cmd LABEL INPUT CMD...: appends one Markdown row.
time_cmd() {
    local label="$1" input="$2"
    shift 2
    local size mean sd min max rss
    size="$(stat -c %s "$input")"
    if ! "$@" > /dev/null 2> "$scratch/err"; then
        echo "bench.sh: $label failed on $input, skipped:" >&2
        head -n 3 "$scratch/err" >&2
        rows+=("| $label | $(basename "$input") | $size | failed | | | |")
        return 0
    fi
    if have hyperfine; then
        local cmd
        cmd="$(printf '%q ' "$@")"
        hyperfine -N --style none --warmup "$warmup" --runs "$runs" \
            --export-json "$scratch/h.json" "$cmd" > /dev/null
        read -r mean sd min max < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(*(f"{r[k] * 1000:.1f}" for k in ("mean", "stddev", "min", "max")))
' "$scratch/h.json")
    else
        # Wall time from date (ms resolution), one process per run.
        local t0 t1 all=()
        for ((i = 0; i < warmup; i++)); do "$@" > /dev/null 2>&1; done
        for ((i = 0; i < runs; i++)); do
            t0="$(date +%s%N)"
            "$@" > /dev/null 2>&1
            t1="$(date +%s%N)"
            all+=("$(((t1 - t0) / 1000))")
        done
        read -r mean sd min max < <(python3 -c '
import statistics, sys
v = [int(x) / 1000 for x in sys.argv[1:]]
print(*(f"{x:.1f}" for x in (statistics.mean(v), statistics.pstdev(v), min(v), max(v))))
' "${all[@]}")
    fi
    rss="$(peak_rss "$@")"
    if [[ -n "$rss" ]]; then
        rss="$(python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1024:.1f}")' "$rss")"
    fi
    rows+=("| $label | $(basename "$input") | $size | $mean ± $sd | $min | $max | ${rss:-n/a} |")
    echo "   $label $(basename "$input"): $mean ms, ${rss:-n/a} MiB" >&2
}

echo "== timing (runs=$runs, warmup=$warmup, $(have hyperfine && echo hyperfine || echo 'date loop'))" >&2
for s in 10k 1m 10m; do
    f="$out/sized-$s.md"
    time_cmd "brief read --width 100" "$f" "$brief" read "$f" --width 100 --color never
done
time_cmd "brief entities" "$out/sized-10m.md" "$brief" entities "$out/sized-10m.md"
time_cmd "brief --version (process floor)" "$out/sized-10k.md" "$brief" --version

skipped=()
for s in 10k 1m 10m; do
    f="$out/sized-$s.md"
    if have mdcat; then time_cmd "mdcat --columns 100" "$f" mdcat --columns 100 "$f"; fi
    if have pandoc; then time_cmd "pandoc -t plain" "$f" pandoc -t plain --columns=100 "$f"; fi
    if have glow; then time_cmd "glow -w 100" "$f" glow -w 100 "$f"; fi
done
for t in mdcat pandoc glow; do have "$t" || skipped+=("$t"); done

echo
echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "Timer: $(have hyperfine && hyperfine --version || echo 'date loop'); runs=$runs, warmup=$warmup; peak RSS: max of 3 runs of /usr/bin/time -f %M"
echo
echo "| command | input | bytes | mean ± σ (ms) | min (ms) | max (ms) | peak RSS (MiB) |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
if ((${#skipped[@]})); then
    echo
    echo "Not on PATH, skipped: ${skipped[*]}"
fi
