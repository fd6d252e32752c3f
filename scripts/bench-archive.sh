#!/usr/bin/env bash
# Archive benchmarks (issue 10) of the `brief` binary over 10,000 generated
# briefings: index build, list, search, entities --index and the TUI. Not part
# of `cargo test`. Progress goes to stderr, a Markdown table to stdout.
#
#   scripts/bench-archive.sh            build if missing, generate the corpus if missing, time
#   scripts/bench-archive.sh --regen    regenerate the corpus first
#
# Needs python3 and ../shared/bench/gen-corpus.py (relative to the repository
# root); GNU /usr/bin/time for peak RSS; tmux for the TUI row. Uses hyperfine
# when installed (apt-get install hyperfine), else a loop around date.
# Installs nothing. Environment: RUNS (default 10), WARMUP (default 2),
# COLD_RUNS (default 3), TUI_WAIT (seconds, default 5), BRIEF_BIN (the binary
# to time; default target/release/brief, built by cargo build --release when
# missing), BENCH_DIR (default bench-out/archive: the corpus c10k/, ~126 MB,
# is kept there; the scratch folder run/ beside it is removed at exit).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

gen="../shared/bench/gen-corpus.py"
count=10000
runs="${RUNS:-10}"
warmup="${WARMUP:-2}"
cold_runs="${COLD_RUNS:-3}"
tui_wait="${TUI_WAIT:-5}"
bench_dir="${BENCH_DIR:-bench-out/archive}"
regen=0
for arg in "$@"; do
    case "$arg" in
        --regen) regen=1 ;;
        -h | --help)
            sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "bench-archive.sh: unknown argument: $arg" >&2
            exit 2
            ;;
    esac
done

die() {
    echo "bench-archive.sh: $*" >&2
    exit 1
}
note() { echo "$*" >&2; }
have() { command -v "$1" > /dev/null 2>&1; }

[[ -f "$gen" ]] || die "$root/$gen not found: the corpus generator lives in ../shared (next to this repository); check it out there first"
have python3 || die "python3 is needed to run $gen"

# The binary: $BRIEF_BIN, else target/release/brief (built when missing).
if [[ -n "${BRIEF_BIN:-}" ]]; then
    brief="$(cd "$(dirname "$BRIEF_BIN")" && pwd)/$(basename "$BRIEF_BIN")"
else
    brief="$root/target/release/brief"
    if [[ ! -x "$brief" ]]; then
        note "== cargo build --release"
        cargo build --release >&2
    fi
fi
[[ -x "$brief" ]] || die "$brief is not an executable (set BRIEF_BIN or run cargo build --release)"

mkdir -p "$bench_dir"
bench_dir="$(cd "$bench_dir" && pwd)"
rel_bench="${bench_dir#"$root"/}"
corpus="$bench_dir/c10k"

md_count() { find "$1" -maxdepth 1 -name '*.md' 2> /dev/null | wc -l; }
if [[ $regen -eq 1 || "$(md_count "$corpus")" -ne $count ]]; then
    note "== python3 $gen --count $count --out $rel_bench/c10k"
    rm -rf "$corpus"
    python3 "$gen" --count "$count" --out "$corpus" >&2
fi
[[ "$(md_count "$corpus")" -eq $count ]] || die "$corpus does not hold $count briefings"

# Every command runs in $bench_dir, with `brief` first on PATH and brief's
# config, data and cache directories in run/, never the user's real ones.
run="$bench_dir/run"
rm -rf "$run"
mkdir -p "$run/bin"
ln -s "$brief" "$run/bin/brief"
export PATH="$run/bin:$PATH"
export BRIEF_CONFIG_DIR="$run/config" BRIEF_DATA_DIR="$run/data" BRIEF_CACHE_DIR="$run/cache"
export NO_COLOR=1
cd "$bench_dir"

changed=""  # the briefing the "one file changed" rows append to, restored at exit
tmux_sock="brief-bench-$$"
cleanup() {
    if [[ -n "$changed" && -f "$run/pristine.md" ]]; then cp "$run/pristine.md" "$changed"; fi
    if have tmux; then tmux -L "$tmux_sock" kill-server > /dev/null 2>&1 || true; fi
    rm -rf "$run"
}
trap cleanup EXIT

gnu_time=""
if [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true > /dev/null 2>&1; then
    gnu_time=/usr/bin/time
fi
if have hyperfine; then
    timer="$(hyperfine --version)"
else
    timer="date loop"
    note "hyperfine is not installed: timing with a date loop instead (for hyperfine: apt-get install hyperfine)"
fi

# ms -> "12.3 ms" or "4.56 s".
fmt_ms() { awk -v v="$1" 'BEGIN { if (v >= 1000) printf "%.2f s", v / 1000; else printf "%.1f ms", v }'; }
# KiB -> MiB with one decimal.
fmt_kib() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1024 }'; }
# verdict VALUE LIMIT UNIT: "met" or "missed (by X UNIT, Y×)".
verdict() {
    awk -v v="$1" -v t="$2" -v u="$3" 'BEGIN {
        if (v <= t) print "**met**"
        else printf "**missed** (by %.*f %s, %.2f× the target)\n", (v - t >= 100 ? 0 : 1), v - t, u, v / t }'
}
# The command as shown in the table (a Markdown code span).
code() { printf '%s%s%s' '`' "${1//|/\\|}" '`'; }

rows=()
notes=()
declare -A mean sd tmin tmax rss

# probe KEY PREPARE CMD: one run of CMD under /usr/bin/time (after PREPARE);
# keeps its peak RSS (KiB) and its output in $run/KEY.out / .err. Fails when CMD fails.
probe() {
    local key="$1" prep="$2" cmd="$3" kb
    [[ -z "$prep" ]] || eval "$prep" > /dev/null 2>&1
    if [[ -n "$gnu_time" ]]; then
        "$gnu_time" -f %M -o "$run/rss" sh -c "$cmd" > "$run/$key.out" 2> "$run/$key.err" || return 1
        kb="$(tail -n 1 "$run/rss")"
        if [[ -z "${rss[$key]:-}" ]] || ((kb > ${rss[$key]})); then rss[$key]=$kb; fi
    else
        sh -c "$cmd" > "$run/$key.out" 2> "$run/$key.err" || return 1
    fi
}

# measure N_RUNS N_WARMUP PREPARE KEY CMD [KEY CMD...]: times the commands (in one
# hyperfine call when there are several) and fills mean/sd/tmin/tmax (ms).
measure() {
    local n="$1" w="$2" prep="$3"
    shift 3
    local keys=() cmds=() i
    while (($#)); do
        keys+=("$1")
        cmds+=("$2")
        shift 2
    done
    if have hyperfine; then
        local args=(--style none --runs "$n" --warmup "$w" --export-json "$run/h.json")
        # Without a shell (-N) unless a command needs one (a pipe, a glob).
        local shell=0 c
        for c in "${cmds[@]}"; do [[ "$c" != *[\|\*\<\>\;\&\$]* ]] || shell=1; done
        ((shell)) || args+=(-N)
        [[ -z "$prep" ]] || args+=(--prepare "$prep")
        hyperfine "${args[@]}" "${cmds[@]}" > /dev/null || return 1
        for i in "${!keys[@]}"; do
            read -r "mean[${keys[$i]}]" "sd[${keys[$i]}]" "tmin[${keys[$i]}]" "tmax[${keys[$i]}]" < <(python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][int(sys.argv[2])]
print(*(f"{(r[k] or 0) * 1000:.1f}" for k in ("mean", "stddev", "min", "max")))
' "$run/h.json" "$i")
        done
    else
        # Wall time from date (µs resolution), one run of the command line per sample.
        local t0 t1 all j
        for i in "${!keys[@]}"; do
            all=()
            for ((j = 0; j < w; j++)); do
                [[ -z "$prep" ]] || eval "$prep" > /dev/null 2>&1
                eval "${cmds[$i]}" > /dev/null 2>&1
            done
            for ((j = 0; j < n; j++)); do
                [[ -z "$prep" ]] || eval "$prep" > /dev/null 2>&1
                t0="$(date +%s%N)"
                eval "${cmds[$i]}" > /dev/null 2>&1
                t1="$(date +%s%N)"
                all+=("$(((t1 - t0) / 1000))")
            done
            read -r "mean[${keys[$i]}]" "sd[${keys[$i]}]" "tmin[${keys[$i]}]" "tmax[${keys[$i]}]" < <(python3 -c '
import statistics, sys
v = [int(x) / 1000 for x in sys.argv[1:]]
print(*(f"{x:.1f}" for x in (statistics.mean(v), statistics.pstdev(v), min(v), max(v))))
' "${all[@]}")
        done
    fi
}

# why FILE: the reason a run failed, from its stderr (a panic's message, else an error line).
why() {
    local m
    m="$(grep -m1 -A1 'panicked at' "$1" 2> /dev/null | sed -n 2p)"
    [[ -z "$m" ]] || {
        echo "panicked: $m"
        return 0
    }
    m="$(grep -m1 -i 'error' "$1" 2> /dev/null || sed -n 1p "$1" 2> /dev/null)"
    echo "${m:-exit status $?}"
}

# bench KEY N_RUNS N_WARMUP RSS_RUNS PREPARE CMD: probe (RSS_RUNS times) then time.
# Returns 1 (and records why) when the command fails.
declare -A failed
bench() {
    local key="$1" n="$2" w="$3" rn="$4" prep="$5" cmd="$6" i
    note "== $cmd"
    for ((i = 0; i < rn; i++)); do
        if ! probe "$key" "$prep" "$cmd"; then
            failed[$key]="$(why "$run/$key.err")"
            note "   failed: ${failed[$key]}"
            return 1
        fi
    done
    if ! measure "$n" "$w" "$prep" "$key" "$cmd"; then
        failed[$key]="a timed run failed"
        note "   failed: ${failed[$key]}"
        return 1
    fi
    note "   $(fmt_ms "${mean[$key]}")${rss[$key]:+, $(fmt_kib "${rss[$key]}") MiB}"
}

# row NUM WHAT KEY CMD TARGET: one Markdown row from the results of KEY.
row() {
    local num="$1" what="$2" key="$3" cmd="$4" target="$5" r
    if [[ -n "${failed[$key]:-}" ]]; then
        rows+=("| $num | $what | $(code "$cmd") | failed: ${failed[$key]//|/\\|} | | | | $target |")
        return 0
    fi
    r="${rss[$key]:+$(fmt_kib "${rss[$key]}")}"
    rows+=("| $num | $what | $(code "$cmd") | $(fmt_ms "${mean[$key]}") ± $(fmt_ms "${sd[$key]}") | $(fmt_ms "${tmin[$key]}") | $(fmt_ms "${tmax[$key]}") | ${r:-n/a} | $target |")
}

# said KEY: what the last probe of KEY printed (stdout, else stderr), on one line.
said() {
    local f="$run/$1.out"
    [[ -s "$f" ]] || f="$run/$1.err"
    tr -s '\r\n' '  ' < "$f" | cut -c1-300
}

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
corpus_bytes="$(cat c10k/*.md | wc -c)"
corpus_files="$(find c10k -type f | wc -l)"

# 2 + 8. Cold build from an empty cache dir, and entities over the same bytes.
cold='brief index c10k'
if bench cold "$cold_runs" 0 1 'rm -rf run/cache' "$cold"; then
    notes+=("Cold build said: $(said cold)")
fi
row 2 "cold build, empty cache" cold "$cold" "—"
if [[ -z "${failed[cold]:-}" ]]; then
    rows+=("| 8 | peak RSS of the cold build (one run) | $(code "$cold") | | | | ${rss[cold]:+$(fmt_kib "${rss[cold]}")} | |")
else
    rows+=("| 8 | peak RSS of the cold build | $(code "$cold") | failed | | | | |")
fi
ent='cat c10k/*.md | brief entities -'
bench ent "$cold_runs" 0 1 '' "$ent" || true
row 2 "entities over the same $(fmt_kib "$((corpus_bytes / 1024))") MiB, one stdin text" ent "$ent" "for comparison"
# Leave a built index behind for the warm rows even when a cold row failed.
brief index c10k > /dev/null 2>&1 || true

# 4. One file changed: the prepare step appends a paragraph to the same briefing.
changed="$(find c10k -maxdepth 1 -name '*.md' | sort | sed -n 1p)"
cp "$changed" "$run/pristine.md"
cat > "$run/append.sh" << 'EOF'
#!/bin/sh
# Appends a new paragraph to the briefing $1 (so its size and mtime change).
printf '\nA paragraph added for the benchmark at %s.\n' "$(date +%s%N)" >> "$1"
EOF
chmod +x "$run/append.sh"
one='brief index c10k'
prep_one="run/append.sh $changed"
if bench one "$runs" "$warmup" 3 "$prep_one" "$one"; then
    notes+=("After one changed file, \`brief index c10k\` said: $(said one)")
fi
row 4 "one file changed (prepare: \`$prep_one\`)" one "$one" "reads 1 file (see below)"
# The same with nothing changed: the freshness check every command makes first.
noop='brief index c10k'
bench noop "$runs" "$warmup" 1 '' "$noop" || true
row 4 "nothing changed (the freshness check every command makes)" noop "$noop" "—"

# 3. Warm list vs ls, in one hyperfine call.
lst='brief list c10k'
ls_cmd='ls -l c10k'
note "== $lst vs $ls_cmd"
if probe list '' "$lst" && probe list '' "$lst" && probe list '' "$lst" &&
    probe ls '' "$ls_cmd" && measure "$runs" "$warmup" '' ls "$ls_cmd" list "$lst"; then
    note "   $(fmt_ms "${mean[list]}") vs $(fmt_ms "${mean[ls]}")"
    ratio="$(awk -v a="${mean[list]}" -v b="${mean[ls]}" 'BEGIN { printf "%.2f", a / b }')"
    row 3 "warm list" list "$lst" "≤ 4× \`ls -l\`: **${ratio}×** — $(verdict "$ratio" 4 ×)"
else
    failed[list]="$(why "$run/list.err")"
    failed[list]="${failed[list]:-a timed run failed}"
    note "   failed: ${failed[list]}"
    bench ls "$runs" "$warmup" 1 '' "$ls_cmd" || true
    row 3 "warm list" list "$lst" "≤ 4× \`ls -l\`"
fi
row 3 "the same folder with ls" ls "$ls_cmd" "baseline"

# 5. Search, warm. The words come from gen-corpus.py's vocabulary; the person is
# the first PERSON that brief recognises in the first briefing. The corpus's
# dates run from 2024-01 to 2025-12, so the date filter is after:2025-01.
person="$(brief entities "$changed" 2> /dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    if e.get("label") == "PERSON" and " " in e.get("text", ""):
        print(e["text"])
        break
' || true)"
person="${person:-Amara Okafor}"
declare -A searches=(
    [s1]='brief search tariff c10k'
    [s2]="brief search 'person:\"$person\" after:2025-01' c10k"
)
for k in s1 s2; do
    c="${searches[$k]}"
    if bench "$k" "$runs" "$warmup" 3 '' "$c"; then
        sh -c "${c/brief search/brief search --json --limit 1000}" > "$run/$k.json" 2> /dev/null || true
        notes+=("$(code "$c"): $(wc -l < "$run/$k.json") results with \`--limit 1000\`")
        row 5 "search, warm" "$k" "$c" "≤ 50 ms — $(verdict "${mean[$k]}" 50 ms)"
    else
        row 5 "search, warm" "$k" "$c" "≤ 50 ms"
    fi
done

# 6. entities --index, warm: time and peak RSS.
eix='brief entities --index c10k'
if bench eix "$runs" "$warmup" 3 '' "$eix"; then
    row 6 "entities --index, warm" eix "$eix" "≤ 0.3 s — $(verdict "${mean[eix]}" 300 ms); ≤ 80 MiB — $(verdict "$(fmt_kib "${rss[eix]:-0}")" 80 MiB)"
else
    row 6 "entities --index, warm" eix "$eix" "≤ 0.3 s; ≤ 80 MiB"
fi

# 7. The TUI in a 120×40 tmux pane on the warm index: VmRSS/VmHWM and CPU time
# $tui_wait s after the first frame.
tui='brief c10k'
tui_row=""
clk="$(getconf CLK_TCK)"
cpu_ticks() { # utime + stime of pid $1, in clock ticks (fields 14 and 15 of /proc/PID/stat)
    local s
    s="$(cat "/proc/$1/stat" 2> /dev/null)" || return 1
    s="${s##*) }"
    # shellcheck disable=SC2086
    set -- $s
    echo $((${12} + ${13}))
}
# The brief process: the pane's own process (exec'd), else a descendant named brief.
find_brief() {
    local p="$1" c kids=()
    [[ "$(cat "/proc/$p/comm" 2> /dev/null)" == brief ]] && {
        echo "$p"
        return 0
    }
    read -ra kids < <(cat /proc/"$p"/task/*/children 2> /dev/null || true)
    for c in "${kids[@]}"; do
        find_brief "$c" && return 0
    done
    return 1
}
note "== $tui (tmux -x 120 -y 40, then ${tui_wait}s)"
if ! have tmux; then
    tui_row="tmux not installed (apt-get install tmux): skipped"
else
    t0="$(date +%s%N)"
    tmux -L "$tmux_sock" -f /dev/null new-session -d -x 120 -y 40 -s tui "exec $tui 2> $(printf %q "$run/tui.err")"
    pane_pid="$(tmux -L "$tmux_sock" list-panes -t tui -F '#{pane_pid}' 2> /dev/null || true)"
    pid=""
    for ((i = 0; i < 100; i++)); do
        [[ -n "$pane_pid" && -d "/proc/$pane_pid" ]] || break
        pid="$(find_brief "$pane_pid" || true)"
        [[ -z "$pid" ]] || break
        sleep 0.02
    done
    first=""
    if [[ -n "$pid" ]]; then
        # First frame: the pane shows any text. Poll for up to 60 s.
        for ((i = 0; i < 3000; i++)); do
            [[ -d "/proc/$pid" ]] || break
            screen="$(tmux -L "$tmux_sock" capture-pane -p -t tui 2> /dev/null || true)"
            if [[ "$screen" =~ [^[:space:]] ]]; then
                first="$(date +%s%N)"
                break
            fi
            sleep 0.02
        done
    fi
    if [[ -z "$first" ]]; then
        tui_row="failed: $(why "$run/tui.err")"
    else
        c0="$(cpu_ticks "$pid")"
        sleep "$tui_wait"
        c1="$(cpu_ticks "$pid" || echo "$c0")"
        # A second window of the same length: is it still busy, or idle?
        sleep "$tui_wait"
        c2="$(cpu_ticks "$pid" || echo "$c1")"
        vmrss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || echo 0)"
        vmhwm="$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2> /dev/null || echo 0)"
        ff_ms="$(((first - t0) / 1000000))"
        idle_s="$(awk -v d="$((c1 - c0))" -v h="$clk" 'BEGIN { printf "%.2f", d / h }')"
        idle2_s="$(awk -v d="$((c2 - c1))" -v h="$clk" 'BEGIN { printf "%.2f", d / h }')"
        total_s="$(awk -v d="$c1" -v h="$clk" 'BEGIN { printf "%.2f", d / h }')"
        tmux -L "$tmux_sock" send-keys -t tui q
        for ((i = 0; i < 100; i++)); do
            [[ -d "/proc/$pid" ]] || break
            sleep 0.05
        done
        quit="quit on q"
        [[ ! -d "/proc/$pid" ]] || quit="still running 5 s after q"
        tui_row="first frame after ~${ff_ms} ms; after ${tui_wait} s: VmRSS $(fmt_kib "$vmrss") MiB, VmHWM $(fmt_kib "$vmhwm") MiB — ≤ 60 MiB $(verdict "$(fmt_kib "$vmhwm")" 60 MiB); CPU ${idle_s} s in the ${tui_wait} s after the first frame (${total_s} s since start), ${idle2_s} s in the ${tui_wait} s after that; $quit"
        note "   $tui_row"
    fi
    tmux -L "$tmux_sock" kill-server > /dev/null 2>&1 || true
fi
rows+=("| 7 | TUI, warm index, 120×40 tmux pane | $(code "$tui") | ${tui_row//|/\\|} | | | | ≤ 60 MiB; CPU ≈ 0 when nothing changes |")

echo
echo "Machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(date -u +%Y-%m-%dT%H:%MZ); load average at the start ${load_start}, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Binary: $("$brief" --version 2> /dev/null || echo '?') (built $(date -u -r "$brief" +%Y-%m-%dT%H:%MZ)); repository at $(git -C "$root" log --oneline -1 2> /dev/null | cut -c1-70 || echo '?')"
echo "Corpus: \`python3 $gen --count $count --out $rel_bench/c10k\`: $corpus_files files, $corpus_bytes bytes of .md"
echo "Timer: $timer; runs=$runs, warm-up=$warmup (cold build and entities: runs=$cold_runs, no warm-up); times include process start"
echo "Every command runs in \`$rel_bench\` with \`brief\` = \`$brief\` and BRIEF_CONFIG_DIR, BRIEF_DATA_DIR, BRIEF_CACHE_DIR in \`run/\`; \`run/cache\` is removed before each cold run"
echo "Peak RSS: max of 3 runs of \`/usr/bin/time -f %M\` (1 run for the cold build and entities); TUI: /proc/PID/status and /proc/PID/stat"
echo
echo "| # | measurement | command | mean ± σ | min | max | peak RSS (MiB) | target |"
echo "|---|---|---|---:|---:|---:|---:|---|"
# In the order of the issue's list (the cold build runs first, to start from an empty cache).
printf '%s\n' "${rows[@]}" | sort -s -t '|' -k2,2n
if ((${#notes[@]})); then
    echo
    printf -- '- %s\n' "${notes[@]}"
fi
