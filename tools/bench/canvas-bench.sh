#!/usr/bin/env bash
# Canvas benchmark (`make bench`): how fast Runway opens a large file and shows its first frame,
# how long a frame takes while panning and zooming, and peak RSS; with bpmn-js importing and
# drawing the same files in headless Chromium as the reference.
#
#   tools/bench/canvas-bench.sh [BUILD_DIR]        (default: build-release)
#
# Builds runway-bench-canvas and runway-bench-gen in BUILD_DIR (configuring a Release build there if
# it has none), generates BUILD_DIR/bench/bpmn-N.bpmn (seed 42) when missing, and measures:
#   - Runway, each run a process of its own (offscreen Qt): read + canvas + first frame of the
#     viewport at 1600x1000, "fit to window", best of BENCH_CANVAS_ROUNDS (default 3); peak RSS of
#     that process;
#   - Runway at BENCH_CANVAS_INTERACT nodes (default 10000): 60 frames of panning and 60 of zooming
#     at 100 %, each timed as Qt's repaint of what the step exposed and as a full repaint;
#   - bpmn-js@18.31.1 (its viewer bundle) in Debian's chromium through playwright-core@1.65.1:
#     importXML to the first frame painted after it, 1600x1000, best of BENCH_BPMNJS_REPEAT runs
#     (default 2; 1 for 50,000 nodes), and its renderer processes' peak RSS.
# Prints Markdown tables and writes them to BUILD_DIR/bench/canvas.md; raw JSON lines go to
# BUILD_DIR/bench/canvas.jsonl.
#
# Environment: BENCH_CANVAS_SIZES (default "1000 10000 50000"), BENCH_CANVAS_ROUNDS (default 3),
# BENCH_CANVAS_INTERACT (default 10000), BENCH_BPMNJS_REPEAT, BENCH_JOBS (default 2),
# BENCH_NO_BPMNJS=1 to skip bpmn-js. The only network use is `npm install` of bpmn-js and
# playwright-core into BUILD_DIR/npm, once.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-build-release}
case $build in /*) ;; *) build="$PWD/$build" ;; esac
sizes=${BENCH_CANVAS_SIZES:-"1000 10000 50000"}
rounds=${BENCH_CANVAS_ROUNDS:-3}
interact=${BENCH_CANVAS_INTERACT:-10000}
jobs=${BENCH_JOBS:-2}
seed=42
bpmnjs_version=18.31.1
playwright_version=1.65.1
out="$build/bench"

say() { printf 'bench-canvas: %s\n' "$*" >&2; }
. "$here/common.sh"

# ---- build ----
ensure_release_build "$root" "$build" "$jobs" runway-bench-gen
ensure_release_build "$root" "$build" "$jobs" runway-bench-canvas
gen="$build/tools/bench/runway-bench-gen"
canvas="$build/tools/bench/runway-bench-canvas"
[ -x "$gen" ] && [ -x "$canvas" ] || { say "runway-bench-gen or runway-bench-canvas not found in $build/tools/bench"; exit 1; }

# ---- bpmn-js and playwright-core (pinned, into the build folder), Debian's chromium ----
chromium=$(command -v chromium || true)
if [ "${BENCH_NO_BPMNJS:-0}" = 1 ]; then
    bpmnjs="skipped (BENCH_NO_BPMNJS=1)"
elif [ -z "$chromium" ]; then
    bpmnjs="skipped: chromium not found (make bench installs the Debian package)"
else
    bpmnjs=$(ensure_npm_peer "$build" bpmn-js "$bpmnjs_version")
    [ "$bpmnjs" = yes ] && bpmnjs=$(ensure_npm_peer "$build" playwright-core "$playwright_version")
fi
[ "$bpmnjs" = yes ] || say "bpmn-js: $bpmnjs; its columns show n/a"

# ---- files ----
mkdir -p "$out"
for n in $sizes $interact; do
    f="$out/bpmn-$n.bpmn"
    if [ ! -f "$f" ] || [ "$gen" -nt "$f" ]; then
        "$gen" --nodes "$n" --seed "$seed" -o "$f"
    fi
done

# ---- measurements ----
results="$out/canvas.jsonl"
: >"$results"
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^,}\"]*\).*/\1/p"; }
run() {
    local line
    line=$("$@" 2>/dev/null)
    printf '%s\n' "$line" >>"$results"
    printf '%s\n' "$line"
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }
secs() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else if (v >= 1) printf "%.2f\n", v; else printf "%.3g\n", v }'; }
ms() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else printf "%.1f\n", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.0f\n", a / b }'; }
mb() { awk -v v="$1" 'BEGIN { if (v == "") print "n/a"; else printf "%.0f\n", v * 1024 / 1e6 }'; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
rows=()
declare -A first_s bj_s
for n in $sizes; do
    f="$out/bpmn-$n.bpmn"
    say "measuring $n flow nodes ($(wc -c <"$f") bytes)"
    best="" best_line="" rss="" best100=""
    for ((round = 1; round <= rounds; round++)); do
        line=$(run "$canvas" --no-interaction "$f")
        t=$(json first_frame_s <<<"$line")
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$t best_line=$line
        fi
        rss=$(min "$rss" "$(json peak_rss_kb <<<"$line")")
        line100=$(run "$canvas" --no-interaction --zoom 100 "$f")
        best100=$(min "$best100" "$(json first_frame_s <<<"$line100")")
    done
    first_s[$n]=$best
    b_s="" b_rss=""
    if [ "$bpmnjs" = yes ]; then
        repeat=${BENCH_BPMNJS_REPEAT:-$([ "$n" -ge 50000 ] && echo 1 || echo 2)}
        if b=$(run node "$here/bpmnjs-render.mjs" --modules "$build/npm" --chromium "$chromium" "$f" "$repeat") &&
            [ -n "$(json best_s <<<"$b")" ] && [ "$(json best_s <<<"$b")" != null ]; then
            b_s=$(json best_s <<<"$b")
            b_rss=$(json renderer_peak_rss_kb <<<"$b")
        else
            say "bpmn-js failed on $f: $(json error <<<"${b:-}")"
        fi
    fi
    bj_s[$n]=$b_s
    rows+=("| $n | $(json items <<<"$best_line") | $(secs "$(json read_s <<<"$best_line")") | $(secs "$(json scene_s <<<"$best_line")") | $(secs "$(json paint_s <<<"$best_line")") | **$(secs "$best")** ($(json first_zoom <<<"$best_line")) | $(secs "$best100") | $(mb "$rss") | $(secs "$b_s") | $(mb "$b_rss") | $(ratio "$b_s" "$best")x / $(ratio "$b_s" "$best100")x |")
done

say "panning and zooming at $interact flow nodes"
f="$out/bpmn-$interact.bpmn"
i=$(run "$canvas" --frames 60 "$f")

verdict() { awk -v v="$1" -v lim="$2" -v dir="$3" 'BEGIN { if (v == "" || v == "n/a") print "not measured"; else if ((dir == "le" && v + 0 <= lim + 0) || (dir == "ge" && v + 0 >= lim + 0)) print "met"; else print "not met" }'; }
{
    echo "Made by \`tools/bench/canvas-bench.sh ${1:-build-release}\` on $(date -u '+%Y-%m-%d %H:%M UTC'), seed $seed, offscreen Qt $(dpkg-query -W -f='${Version}' libqt6core6 2>/dev/null || echo '?'), window 1600x1000."
    echo "Machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(free -h 2>/dev/null | awk '/^Mem:/ { print $2 }') RAM; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown) at the end."
    echo
    echo "| flow nodes | canvas items | Runway read s | canvas s | first paint s | Runway first frame s, fit (zoom) | Runway first frame s, 100 % | Runway peak RSS MB | bpmn-js first frame s | bpmn-js renderer peak RSS MB | bpmn-js / Runway (fit / 100 %) |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Runway first frame = read the file + build the canvas of the first diagram + paint the canvas (viewport and minimap) once"
    echo "(QWidget::grab), in one process per run, best of $rounds; at \"fit to window\" as the app opens a file (the fit zoom is clamped"
    echo "at 2 %, so on the tall generated files the view shows a 2 % slice of the whole) and at 100 %, the zoom bpmn-js opens at."
    echo "The read, canvas and paint columns are those of the best fit run. bpmn-js = importXML of the same XML to the first frame painted after it,"
    echo "bpmn-js@$bpmnjs_version viewer in $("$chromium" --version 2>/dev/null | head -1 || echo 'no chromium') (playwright-core@$playwright_version), best of ${BENCH_BPMNJS_REPEAT:-2 (1 at 50,000)}$([ "$bpmnjs" = yes ] || echo "; $bpmnjs")."
    echo "Peak RSS: Runway's whole process (ru_maxrss, Qt included); bpmn-js: the renderer processes only (VmHWM)."
    echo
    echo "Frames at $interact flow nodes, 100 % zoom, 60 steps each (ms; median / 95th percentile / worst):"
    echo
    echo "| interaction | Qt repaint of what the step exposed | full repaint of the viewport |"
    echo "|---|---:|---:|"
    echo "| pan (1/30 of the view per frame) | $(ms "$(json pan_ms_median <<<"$i")") / $(ms "$(json pan_ms_p95 <<<"$i")") / $(ms "$(json pan_ms_max <<<"$i")") | $(ms "$(json pan_full_ms_median <<<"$i")") / – / $(ms "$(json pan_full_ms_max <<<"$i")") |"
    echo "| zoom (x1.1 per frame, in and out) | $(ms "$(json zoom_ms_median <<<"$i")") / $(ms "$(json zoom_ms_p95 <<<"$i")") / $(ms "$(json zoom_ms_max <<<"$i")") | $(ms "$(json zoom_full_ms_median <<<"$i")") / – / $(ms "$(json zoom_full_ms_max <<<"$i")") |"
    echo
    r10=$(ratio "${bj_s[10000]:-}" "${first_s[10000]:-}")
    r50=$(ratio "${bj_s[50000]:-}" "${first_s[50000]:-}")
    echo "- Goal: first frame at least 20x faster than bpmn-js: $(verdict "$r10" 20 ge) at 10,000 (${r10}x), $(verdict "$r50" 20 ge) at 50,000 (${r50}x)."
    echo "- Goal: at most 16 ms per frame while panning at $interact nodes: $(verdict "$(json pan_ms_p95 <<<"$i")" 16 le) ($(ms "$(json pan_ms_p95 <<<"$i")") ms at the 95th percentile, median $(ms "$(json pan_ms_median <<<"$i")") ms)."
    echo "- Goal: the 50,000-node file open in under 2 s: $(verdict "${first_s[50000]:-}" 2 le) ($(secs "${first_s[50000]:-}") s)."
} | tee "$out/canvas.md"
say "table written to $out/canvas.md, raw figures to $results"
