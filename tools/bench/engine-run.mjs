// node engine-run.mjs --modules DIR FILE N
//
// Runs N instances of FILE's process with bpmn-engine, one after another, and prints one JSON line
// with instances per second (the same fields as runway-bench-engine where they apply). The file is
// parsed once with bpmn-moddle (bpmn-engine's own parser) and every instance gets that moddle
// context (the Engine option `moddleContext`), so the XML parse is not counted per instance. Every
// bpmn:serviceTask gets an implementation through an engine extension: a Service whose execute()
// calls back at once, so service tasks complete immediately, as in runway-bench-engine.
// bpmn-engine waits in real time for timers: run it only on files without them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let modules = null;
const rest = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--modules' && i + 1 < args.length) modules = args[++i];
  else rest.push(args[i]);
}
if (!modules || rest.length !== 2 || !(Number(rest[1]) > 0)) {
  console.error('usage: node engine-run.mjs --modules DIR FILE N');
  process.exit(2);
}
const [file, countText] = rest;
const count = Number(countText);
const root = path.resolve(modules, 'node_modules');
const load = async (name) => import(pathToFileURL(createRequire(path.join(root, 'x.js')).resolve(name)).href);
const { Engine } = await load('bpmn-engine');
// The bpmn-moddle that bpmn-engine itself depends on (the build folder may also hold the newer one
// the read benchmark uses, whose export differs): resolved from bpmn-engine's own directory.
const engineRequire = createRequire(createRequire(path.join(root, 'x.js')).resolve('bpmn-engine'));
const moddleModule = await import(pathToFileURL(engineRequire.resolve('bpmn-moddle')).href);
const BpmnModdle = moddleModule.BpmnModdle ?? moddleModule.default; // named since 10.0, default before
const engineVersion = JSON.parse(readFileSync(path.join(root, 'bpmn-engine', 'package.json'), 'utf8')).version;

// A service that completes at once.
function ImmediateService() {}
ImmediateService.prototype.execute = function execute(_message, callback) {
  callback(null);
};
const extensions = {
  immediateServices(activity) {
    if (activity.type === 'bpmn:ServiceTask') activity.behaviour.Service = ImmediateService;
  },
};

const xml = readFileSync(file, 'utf8');
const moddleContext = await new BpmnModdle().fromXML(xml);

async function runOne(i) {
  const engine = new Engine({ name: `bench-${i}`, moddleContext, extensions });
  await new Promise((resolve, reject) => {
    engine.once('end', resolve);
    engine.once('error', reject);
    engine.execute().catch(reject);
  });
  return engine.state;
}

const rss = () => process.memoryUsage().rss / 1024;
const baselineRss = rss();
let rss10 = -1;
let completed = 0;
const tenth = Math.max(1, Math.floor(count / 10));
const start = process.hrtime.bigint();
for (let i = 0; i < count; ++i) {
  const state = await runOne(i);
  if (state === 'idle') ++completed;
  if (i + 1 === tenth) rss10 = rss();
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(
  JSON.stringify({
    engine: `bpmn-engine@${engineVersion}`,
    node: process.version,
    file,
    instances: count,
    best_s: Number(seconds.toFixed(6)),
    instances_per_s: Math.round(count / seconds),
    completed,
    baseline_rss_kb: Math.round(baselineRss),
    rss_10pct_kb: Math.round(rss10),
    rss_end_kb: Math.round(rss()),
    peak_rss_kb: process.resourceUsage().maxRSS,
  })
);
