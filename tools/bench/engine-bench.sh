#!/usr/bin/env bash
# Execution benchmark of engine-core (run by `make bench` after run.sh): instances per second on one
# thread, with bpmn-engine (Node.js) executing the same 8-task file as the reference.
#
#   tools/bench/engine-bench.sh [BUILD_DIR]        (default: build-release)
#
# Builds runway-bench-engine in BUILD_DIR (configuring a Release build there if it has none),
# writes BUILD_DIR/bench/sequence-8.bpmn (a start event, 8 plain bpmn:serviceTask in sequence, an
# end event, with DI), and measures:
#   - Runway: the 8-task file (1,000,000 instances, best of 3), resources/examples/airline-checkin.bpmn
#     (100,000 instances, best of 3), and a memory run of 10,000,000 instances of the 8-task file
#     one after another (RSS after the first 10 % and at the end);
#   - bpmn-engine: 600 instances of the 8-task file only (its timers wait in real time; the check-in file waits 23 h).
# Prints a Markdown table and writes it to BUILD_DIR/bench/engine.md; the raw JSON lines go to
# BUILD_DIR/bench/engine.jsonl.
#
# Environment: BENCH_ENGINE_INSTANCES (8-task, default 1000000), BENCH_CHECKIN_INSTANCES (default
# 100000), BENCH_MEMORY_INSTANCES (default 10000000), BENCH_ENGINE_REPEAT (default 3),
# BENCH_BPMN_ENGINE_INSTANCES (default 600, about 10 s), BENCH_JOBS (default 2), BENCH_NO_NODE=1 to skip
# bpmn-engine. The only network use is `npm install` of bpmn-engine into BUILD_DIR/npm, once.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build-release}
case $build in /*) ;; *) build="$PWD/$build" ;; esac
n_seq=${BENCH_ENGINE_INSTANCES:-1000000}
n_checkin=${BENCH_CHECKIN_INSTANCES:-100000}
n_memory=${BENCH_MEMORY_INSTANCES:-10000000}
repeat=${BENCH_ENGINE_REPEAT:-3}
n_node=${BENCH_BPMN_ENGINE_INSTANCES:-600}
jobs=${BENCH_JOBS:-2}
engine_version=25.0.1
out="$build/bench"

say() { printf 'bench-engine: %s\n' "$*" >&2; }
. "$here/common.sh"

# ---- build ----
ensure_release_build "$root" "$build" "$jobs" runway-bench-engine
bench="$build/tools/bench/runway-bench-engine"
[ -x "$bench" ] || { say "runway-bench-engine not found in $build/tools/bench"; exit 1; }

# ---- files ----
mkdir -p "$out"
seq8="$out/sequence-8.bpmn"
checkin="$root/resources/examples/airline-checkin.bpmn"
{
    # x of the left edge of element i (0: start event, 1..8: tasks, 9: end event)
    x() { echo $((100 + $1 * 150)); }
    cat <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="Definitions_Sequence8" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="Process_Sequence8" name="Eight service tasks" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Start">
      <bpmn:outgoing>Flow_0</bpmn:outgoing>
    </bpmn:startEvent>
XML
    for i in 1 2 3 4 5 6 7 8; do
        printf '    <bpmn:serviceTask id="Task_%d" name="Service %d">\n      <bpmn:incoming>Flow_%d</bpmn:incoming>\n      <bpmn:outgoing>Flow_%d</bpmn:outgoing>\n    </bpmn:serviceTask>\n' \
            "$i" "$i" $((i - 1)) "$i"
    done
    printf '    <bpmn:endEvent id="EndEvent_1" name="End">\n      <bpmn:incoming>Flow_8</bpmn:incoming>\n    </bpmn:endEvent>\n'
    for i in 0 1 2 3 4 5 6 7 8; do
        src=$([ "$i" = 0 ] && echo StartEvent_1 || echo "Task_$i")
        tgt=$([ "$i" = 8 ] && echo EndEvent_1 || echo "Task_$((i + 1))")
        printf '    <bpmn:sequenceFlow id="Flow_%d" sourceRef="%s" targetRef="%s" />\n' "$i" "$src" "$tgt"
    done
    printf '  </bpmn:process>\n  <bpmndi:BPMNDiagram id="BPMNDiagram_1">\n    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_Sequence8">\n'
    # shapes: events 36x36 centred on y=120, tasks 100x80 from y=80
    printf '      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">\n        <dc:Bounds x="%d" y="102" width="36" height="36" />\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x="%d" y="145" width="24" height="14" />\n        </bpmndi:BPMNLabel>\n      </bpmndi:BPMNShape>\n' \
        "$(x 0)" $(($(x 0) + 6))
    for i in 1 2 3 4 5 6 7 8; do
        printf '      <bpmndi:BPMNShape id="Task_%d_di" bpmnElement="Task_%d">\n        <dc:Bounds x="%d" y="80" width="100" height="80" />\n      </bpmndi:BPMNShape>\n' \
            "$i" "$i" "$(x "$i")"
    done
    printf '      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1">\n        <dc:Bounds x="%d" y="102" width="36" height="36" />\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x="%d" y="145" width="20" height="14" />\n        </bpmndi:BPMNLabel>\n      </bpmndi:BPMNShape>\n' \
        "$(x 9)" $(($(x 9) + 8))
    for i in 0 1 2 3 4 5 6 7 8; do
        width=100
        [ "$i" = 0 ] && width=36
        from=$(($(x "$i") + width))
        printf '      <bpmndi:BPMNEdge id="Flow_%d_di" bpmnElement="Flow_%d">\n        <di:waypoint x="%d" y="120" />\n        <di:waypoint x="%d" y="120" />\n      </bpmndi:BPMNEdge>\n' \
            "$i" "$i" "$from" "$(x $((i + 1)))"
    done
    printf '    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n</bpmn:definitions>\n'
} >"$seq8.tmp"
mv "$seq8.tmp" "$seq8"

# ---- bpmn-engine (pinned, into the build folder) ----
if [ "${BENCH_NO_NODE:-0}" = 1 ]; then
    node_ok="skipped (BENCH_NO_NODE=1)"
else
    node_ok=$(ensure_npm_peer "$build" bpmn-engine "$engine_version")
fi
[ "$node_ok" = yes ] || say "bpmn-engine: $node_ok; its column shows n/a"

# ---- measurements ----
results="$out/engine.jsonl"
: >"$results"
json() { sed -n "s/.*\"$1\":\([^,}]*\).*/\1/p"; }
run() { # run COMMAND...: one JSON line, kept in engine.jsonl
    local line
    line=$("$@")
    printf '%s\n' "$line" >>"$results"
    printf '%s\n' "$line"
}
num() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else { s = sprintf("%.0f", v); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r } }'; }
mb() { awk -v v="$1" 'BEGIN { if (v == "" || v < 0) print "n/a"; else printf "%.1f\n", v * 1024 / 1e6 }'; }
secs() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else printf "%.3f\n", v }'; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

say "Runway: $n_seq instances of the 8-task file, best of $repeat"
r_seq=$(run "$bench" "$seq8" --instances "$n_seq" --repeat "$repeat")
say "Runway: $n_checkin instances of the check-in file, best of $repeat"
r_chk=$(run "$bench" "$checkin" --instances "$n_checkin" --repeat "$repeat")
say "Runway: memory run, $n_memory instances of the 8-task file"
r_mem=$(run "$bench" "$seq8" --instances "$n_memory" --repeat 1)
r_node=""
if [ "$node_ok" = yes ]; then
    say "bpmn-engine: $n_node instances of the 8-task file"
    r_node=$(run node "$here/engine-run.mjs" --modules "$build/npm" "$seq8" "$n_node") || { say "bpmn-engine failed"; r_node=""; }
fi

seq_rate=$(json instances_per_s <<<"$r_seq")
node_rate=$(json instances_per_s <<<"$r_node")
row() { # row NAME FILE-LABEL JSON
    local j=$3
    echo "| $1 | $2 | $(num "$(json instances <<<"$j")") | $(secs "$(json best_s <<<"$j")") | $(num "$(json instances_per_s <<<"$j")") | $(num "$(json completed <<<"$j")") | $(mb "$(json rss_10pct_kb <<<"$j")") | $(mb "$(json rss_end_kb <<<"$j")") | $(mb "$(json peak_rss_kb <<<"$j")") |"
}
{
    echo "Made by \`tools/bench/engine-bench.sh ${1:-build-release}\` on $(date -u '+%Y-%m-%d %H:%M UTC'); Runway: best of $repeat runs (the memory run: 1), one thread; bpmn-engine: one run."
    echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(free -h 2>/dev/null | awk '/^Mem:/ { print $2 }') RAM; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) at the end."
    echo
    echo "| engine | file | instances | seconds | instances/s | completed | RSS after 10 % MB | RSS at end MB | peak RSS MB |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
    row Runway "8 service tasks" "$r_seq"
    row Runway "airline check-in" "$r_chk"
    row "Runway (memory run)" "8 service tasks" "$r_mem"
    if [ -n "$r_node" ]; then
        row "bpmn-engine@$engine_version ($(node --version))" "8 service tasks" "$r_node"
    else
        echo "| bpmn-engine@$engine_version | 8 service tasks | n/a | n/a | n/a | n/a | n/a | n/a | n/a |"
    fi
    echo
    echo "MB = 10^6 bytes. RSS after 10 % and at the end: /proc/self/statm (Node: process.memoryUsage().rss) after the"
    echo "first 10 % of the instances of the last run and after the last; peak RSS: getrusage ru_maxrss (Node:"
    echo "process.resourceUsage().maxRSS). bpmn-engine does not run the check-in file: its timers wait in real time (23 h)."
    echo
    awk -v r="$seq_rate" 'BEGIN { if (r == "") print "- Goal: 1,000,000 instances/s of the 8-task process on one core: not measured."; else printf "- Goal: 1,000,000 instances/s of the 8-task process on one core: %s (%.0f/s).\n", (r >= 1000000 ? "met" : "not met"), r }'
    awk -v r="$seq_rate" -v n="$node_rate" 'BEGIN { if (r == "" || n == "" || n == 0) print "- Goal: 10,000x bpmn-engine on the 8-task process: not measured."; else printf "- Goal: 10,000x bpmn-engine on the 8-task process: %s (%.0fx).\n", (r / n >= 10000 ? "met" : "not met"), r / n }'
    awk -v a="$(json rss_10pct_kb <<<"$r_mem")" -v b="$(json rss_end_kb <<<"$r_mem")" -v n="$n_memory" 'BEGIN { if (a == "" || a <= 0) print "- Goal: memory flat over " n " instances: not measured."; else printf "- Goal: memory flat over %d instances: %s (RSS %.1f MB after 10 %%, %.1f MB at the end).\n", n, ((b - a) <= 1024 ? "met" : "not met"), a * 1024 / 1e6, b * 1024 / 1e6 }'
} | tee "$out/engine.md"
say "table written to $out/engine.md, raw figures to $results"
