// node bpmnjs-render.mjs --modules DIR --chromium PATH FILE [REPEAT]
//
// The peer of Runway's canvas benchmark: bpmn-js (its prebuilt viewer bundle) imports FILE and draws
// it in headless Chromium, driven by playwright-core. Prints one JSON line: the best and median
// time from handing the XML to the page to the first frame painted after `importXML` resolved
// (bpmn-js builds every shape's SVG during the import, so that frame shows the whole diagram), the
// number of shapes drawn, and the peak RSS of Chromium's renderer processes (VmHWM, summed over
// the processes that drew; the browser and GPU processes are left out).
//
// Chromium runs with an empty profile (playwright-core makes a new one per launch) and no background networking, so it makes no connection of
// its own; the page is about:blank with the bundle injected from disk.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
let modules = null;
let chromium = '/usr/bin/chromium';
const rest = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--modules' && i + 1 < args.length) modules = args[++i];
  else if (args[i] === '--chromium' && i + 1 < args.length) chromium = args[++i];
  else rest.push(args[i]);
}
if (!modules || rest.length < 1 || rest.length > 2) {
  console.error('usage: node bpmnjs-render.mjs --modules DIR [--chromium PATH] FILE [REPEAT]');
  process.exit(2);
}
const file = rest[0];
const repeat = rest.length > 1 ? Number(rest[1]) : 3;
const root = path.resolve(modules, 'node_modules');
const require = createRequire(path.join(root, 'x.js'));
const playwright = await import(pathToFileURL(require.resolve('playwright-core')).href);
const browserType = playwright.chromium ?? playwright.default.chromium; // a CommonJS module
const bundle = path.join(root, 'bpmn-js', 'dist', 'bpmn-viewer.production.min.js');
const version = JSON.parse(readFileSync(path.join(root, 'bpmn-js', 'package.json'), 'utf8')).version;
const xml = readFileSync(file, 'utf8');

// Peak RSS (VmHWM, kB) of every process below `pid` whose command line says it is a renderer.
function rendererPeakKb(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const walk = (p) => {
    for (const c of children.get(p) ?? []) {
      try {
        const cmd = readFileSync(`/proc/${c}/cmdline`, 'utf8');
        if (cmd.includes('--type=renderer')) {
          const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${c}/status`, 'utf8'));
          if (m) total += Number(m[1]);
        }
      } catch {
        // gone
      }
      walk(c);
    }
  };
  walk(pid);
  return total;
}

// playwright-core gives every launch a new, empty profile of its own.
const browser = await browserType.launch({
  executablePath: chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--js-flags=--max-old-space-size=16384'],
});
const times = [];
let shapes = 0;
let peakKb = 0;
let error = null;
try {
  for (let i = 0; i < repeat; ++i) {
    // A new page per run, so that no run draws into a page that already holds the diagram.
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.setContent('<!doctype html><html><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    await page.addScriptTag({ path: bundle });
    const result = await page.evaluate(async (text) => {
      const t0 = performance.now();
      // eslint-disable-next-line no-undef
      const viewer = new BpmnJS({ container: '#canvas' });
      const { warnings } = await viewer.importXML(text);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const t1 = performance.now();
      const count = document.querySelectorAll('.djs-element').length;
      return { ms: t1 - t0, count, warnings: warnings.length };
    }, xml);
    times.push(result.ms / 1000);
    shapes = result.count;
    peakKb = Math.max(peakKb, rendererPeakKb(process.pid)); // Chromium runs below this process
    await page.close();
  }
} catch (e) {
  error = String(e && e.message ? e.message.split('\n')[0] : e);
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const out = {
  tool: 'bpmn-js', version, file: path.basename(file), runs: times.length,
  best_s: times.length ? times[0] : null,
  median_s: times.length ? times[Math.floor(times.length / 2)] : null,
  elements: shapes, renderer_peak_rss_kb: peakKb,
};
if (error) out.error = error;
console.log(JSON.stringify(out));
