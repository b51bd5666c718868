#!/usr/bin/env bash
# Reading and writing benchmark of engine-core (`make bench`), with two references on the same files:
# tinyxml2's bare parse (the floor for Runway's parser) and bpmn-moddle, the parser of bpmn-js.
#
#   tools/bench/run.sh [BUILD_DIR]        (default: build-release)
#
# Builds the target bench-tools in BUILD_DIR (configuring a Release build there if it has none),
# generates BUILD_DIR/bench/bpmn-N.bpmn for each size (seed 42), measures, prints a Markdown table
# and writes it to BUILD_DIR/bench/io.md, with every raw measurement in BUILD_DIR/bench/results.jsonl.
#
# Environment: BENCH_SIZES (default "100 1000 10000 50000"), BENCH_REPEAT (runs per process,
# default 5), BENCH_ROUNDS (rounds of the Runway and tinyxml2 timings, default 3), BENCH_JOBS (build
# jobs, default 2), BENCH_NO_MODDLE=1 to skip bpmn-moddle.
# The only network use is `npm install` of bpmn-moddle into BUILD_DIR/npm, once; when it fails the
# table still has every Runway and tinyxml2 column.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build-release}
case $build in /*) ;; *) build="$PWD/$build" ;; esac
sizes=${BENCH_SIZES:-"100 1000 10000 50000"}
repeat=${BENCH_REPEAT:-5}
rounds=${BENCH_ROUNDS:-3}
jobs=${BENCH_JOBS:-2}
seed=42
moddle_version=10.3.1
out="$build/bench"

say() { printf 'bench: %s\n' "$*" >&2; }
. "$here/common.sh"

# ---- build ----
ensure_release_build "$root" "$build" "$jobs" bench-tools
gen="$build/tools/bench/runway-bench-gen"
io="$build/tools/bench/runway-bench-io"
[ -x "$gen" ] && [ -x "$io" ] || { say "bench tools not found in $build/tools/bench"; exit 1; }

# ---- bpmn-moddle (pinned, into the build folder) ----
if [ "${BENCH_NO_MODDLE:-0}" = 1 ]; then
    moddle="skipped (BENCH_NO_MODDLE=1)"
else
    moddle=$(ensure_npm_peer "$build" bpmn-moddle "$moddle_version")
fi
[ "$moddle" = yes ] || say "bpmn-moddle: $moddle; its columns show n/a"

# ---- files ----
mkdir -p "$out"
for n in $sizes; do
    f="$out/bpmn-$n.bpmn"
    if [ ! -f "$f" ] || [ "$gen" -nt "$f" ]; then
        "$gen" --nodes "$n" --seed "$seed" -o "$f"
    fi
done

# ---- measurements ----
results="$out/results.jsonl"
: >"$results"
# json FIELD: the value of a top-level number field of the JSON line on stdin.
json() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p"; }
run() { # run COMMAND...: one JSON line, kept in results.jsonl
    local line
    line=$("$@")
    printf '%s\n' "$line" >>"$results"
    printf '%s\n' "$line"
}
# secs VALUE: seconds with 3 significant digits (2 decimals from 1 s on, 6 below 1 ms).
secs() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else if (v >= 1) printf "%.2f\n", v; else if (v >= 0.001) printf "%.3g\n", v; else printf "%.6f\n", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.2f\n", a / b }'; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { if (b == "" || s == "" || s == 0) print "n/a"; else printf "%.0f\n", b / 1e6 / s }'; }
# mb VALUE UNIT [DECIMALS]: VALUE * UNIT bytes in MB.
mb() { awk -v v="$1" -v k="$2" -v d="${3:-1}" 'BEGIN { if (v == "") print "n/a"; else printf "%.*f\n", d, v * k / 1e6 }'; }

header='| flow nodes | file MB | tinyxml2 parse s | Runway read s | read / parse | read MB/s | write s | write MB/s | Runway read peak RSS MB | bpmn-moddle read s | moddle / Runway | moddle peak RSS MB |'
rule='|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
min() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }
rows=()
last_ratio="" last_rss="" last_rss_kb="" last_n="" last_moddle_ratio=""
for n in $sizes; do
    f="$out/bpmn-$n.bpmn"
    say "measuring $n flow nodes ($(wc -c <"$f") bytes)"
    # Rounds of parse, read and write, one process each, so that the parse and the read meet the
    # same load when the machine is shared; each figure is the best over all rounds.
    parse_s="" read_s="" write_s="" lookup_s=""
    for ((round = 1; round <= rounds; round++)); do
        parse=$(run "$io" --mode parse --repeat "$repeat" "$f")
        read=$(run "$io" --mode read --repeat "$repeat" --expect-nodes "$n" --lookup "$f")
        write=$(run "$io" --mode write --repeat "$repeat" "$f")
        parse_s=$(min "$parse_s" "$(json best_s <<<"$parse")")
        read_s=$(min "$read_s" "$(json best_s <<<"$read")")
        write_s=$(min "$write_s" "$(json best_s <<<"$write")")
        lookup_s=$(min "$lookup_s" "$(json lookup_best_s <<<"$read")")
    done
    # Peak RSS from a process of its own that reads the file once (the bytes in memory included).
    rss=$(run "$io" --mode read --repeat 1 "$f")
    rss_lookup=$(run "$io" --mode read --repeat 1 --lookup "$f")
    rss_file=$(run "$io" --mode read --repeat 1 --from-file "$f")
    bytes=$(json bytes <<<"$read")
    rss_kb=$(json peak_rss_kb <<<"$rss")
    m_s="" m_rss=""
    if [ "$moddle" = yes ]; then
        if m=$(run node --expose-gc "$here/moddle-read.mjs" --modules "$build/npm" --repeat "$repeat" "$f") &&
            mr=$(run node "$here/moddle-read.mjs" --modules "$build/npm" --repeat 1 "$f"); then
            m_s=$(json best_s <<<"$m")
            m_rss=$(json peak_rss_kb <<<"$mr")
        else
            say "bpmn-moddle failed on $f"
        fi
    fi
    rows+=("| $n | $(mb "$bytes" 1 2) | $(secs "$parse_s") | $(secs "$read_s") | $(ratio "$read_s" "$parse_s") | $(rate "$bytes" "$read_s") | $(secs "$write_s") | $(rate "$(json out_bytes <<<"$write")" "$write_s") | $(mb "$rss_kb" 1024) | $(secs "$m_s") | $(ratio "$m_s" "$read_s") | $(mb "$m_rss" 1024) |")
    last_n=$n last_ratio=$(ratio "$read_s" "$parse_s") last_rss=$(mb "$rss_kb" 1024) last_rss_kb=$rss_kb last_lookup_s=$lookup_s last_lookup_rss_kb=$(json peak_rss_kb <<<"$rss_lookup") last_file_rss_kb=$(json peak_rss_kb <<<"$rss_file") last_moddle_ratio=$(ratio "$m_s" "$read_s")
done

verdict() { awk -v v="$1" -v lim="$2" 'BEGIN { if (v == "n/a") print "not measured"; else if (v + 0 <= lim + 0) print "met"; else print "not met" }'; }
xtimes() { [ "$1" = n/a ] && echo "$1" || echo "${1}x"; }
{
    echo "Made by \`tools/bench/run.sh ${1:-build-release}\` on $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed; Runway and tinyxml2: best of $rounds rounds of $repeat runs, bpmn-moddle: best of $repeat runs."
    echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(free -h 2>/dev/null | awk '/^Mem:/ { print $2 }') RAM; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) at the end."
    echo
    echo "$header"
    echo "$rule"
    printf '%s\n' "${rows[@]}"
    echo
    echo "MB = 10^6 bytes. Times are the best of the runs, reading from bytes already in memory. Peak RSS is"
    echo "getrusage's ru_maxrss (Node: process.resourceUsage().maxRSS) of a separate process that loads the file"
    echo "and reads it once, so it includes the file's bytes and, for bpmn-moddle, Node itself."
    echo "Runway's first lookup by id after reading the $last_n-node file (it builds the id and DI indexes when reading"
    echo "left them for later): $(secs "$last_lookup_s") s; peak RSS of reading it and doing that lookup: $(mb "$last_lookup_rss_kb" 1024) MB."
    echo "Peak RSS of BpmnReader::readFile on the $last_n-node file (no caller's copy of the bytes): $(mb "$last_file_rss_kb" 1024) MB."
    echo "bpmn-moddle: bpmn-moddle@$moddle_version with $(node --version 2>/dev/null || echo 'no Node.js')$([ "$moddle" = yes ] || echo "; $moddle")."
    echo
    echo "- Goal: Runway's read within 1.5x tinyxml2's bare parse at $last_n flow nodes: $(verdict "$last_ratio" 1.5) ($(xtimes "$last_ratio"))."
    echo "- Goal: Runway's read peak RSS under 400 MB at $last_n flow nodes: $(verdict "$last_rss" 400) (${last_rss} MB = $(awk -v v="$last_rss_kb" 'BEGIN { printf "%.1f", v / 1024 }') MiB)."
    echo "- bpmn-moddle's read time / Runway's at $last_n flow nodes: $(xtimes "$last_moddle_ratio")."
} | tee "$out/io.md"
say "table written to $out/io.md, raw figures to $results"
"$here/engine-bench.sh" "$build"
