// Peer benchmark: bpmn-moddle (the parser behind bpmn-js and Camunda Modeler) reading one BPMN file.
//
//   node [--expose-gc] moddle-read.mjs --modules DIR [--repeat R] FILE
//
// DIR is the folder npm installed bpmn-moddle into (it holds node_modules/). The file is read into
// memory first; then `new BpmnModdle().fromXML(xml)` is timed R times (default 5). Prints one JSON
// line like runway-bench-io's: best and median seconds, MB/s (10^6 bytes per second, best run) and
// the process's peak RSS in KiB (process.resourceUsage().maxRSS: all R runs, plus Node itself).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

function usage(code) {
  (code ? console.error : console.log)('usage: node moddle-read.mjs --modules DIR [--repeat R] FILE');
  process.exit(code);
}

let modules = null;
let repeat = 5;
let file = null;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  const a = args[i];
  if (a === '--modules') modules = args[++i];
  else if (a === '--repeat') repeat = Number.parseInt(args[++i], 10);
  else if (a === '-h' || a === '--help') usage(0);
  else if (a.startsWith('-')) usage(2);
  else file = a;
}
if (!modules || !file || !(repeat >= 1)) usage(2);

let BpmnModdle;
try {
  const require = createRequire(join(resolve(modules), 'package.json'));
  const m = await import(pathToFileURL(require.resolve('bpmn-moddle')).href);
  BpmnModdle = m.BpmnModdle ?? m.default; // a named export since 10.0, the default one before
  if (typeof BpmnModdle !== 'function') throw new Error('no BpmnModdle export');
} catch (e) {
  console.error(`moddle-read: cannot load bpmn-moddle from ${modules}: ${e.message}`);
  process.exit(1);
}

const xml = readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(xml, 'utf8');
const baselineRss = process.resourceUsage().maxRSS;
const times = [];
let warnings = 0;
for (let r = 0; r < repeat; ++r) {
  if (globalThis.gc) globalThis.gc(); // the previous run's garbage is not this run's cost
  const moddle = new BpmnModdle();
  const t0 = performance.now();
  const result = await moddle.fromXML(xml);
  const t1 = performance.now();
  if (!result.rootElement) {
    console.error(`moddle-read: bpmn-moddle read no definitions from ${file}`);
    process.exit(1);
  }
  warnings = result.warnings.length;
  times.push((t1 - t0) / 1000);
}
const sorted = [...times].sort((a, b) => a - b);
const n = sorted.length;
const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
const best = sorted[0];
console.log(JSON.stringify({
  tool: 'bpmn-moddle',
  mode: 'read',
  file,
  bytes,
  repeat,
  best_s: Number(best.toFixed(6)),
  median_s: Number(median.toFixed(6)),
  mb_per_s: Number((bytes / 1e6 / best).toFixed(2)),
  warnings,
  baseline_rss_kb: baselineRss,
  peak_rss_kb: process.resourceUsage().maxRSS,
}));
