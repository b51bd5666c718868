// Camunda's deployability linter as an outside judge of Runway's exports.
//
//   node tools/lint/judge.mjs MODULES_DIR FILE...
//
// MODULES_DIR is the npm prefix that ensure.sh installed the pinned packages into. For each file,
// the config is the one Camunda Modeler uses for the platform the file names
// (modeler:executionPlatform and executionPlatformVersion): bpmnlint:correctness plus
// plugin:camunda-compat/camunda-cloud-8-X with the zeebe moddle extension, or
// camunda-platform-7-X with the camunda one (never both). Import warnings count as errors, as in
// bpmnlint's own command line. Prints one JSON object:
//   {"files":[{"file","config","errors":[{"rule","id","message"}],"warnings":[...]}]}
// Exit code: 0 when it could judge every file (whatever the verdict), 2 otherwise.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const [modulesDir, ...files] = process.argv.slice(2);
if (!modulesDir || files.length === 0) {
  console.error('usage: node judge.mjs MODULES_DIR FILE...');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const moddleModule = require('bpmn-moddle');
const BpmnModdle = moddleModule.BpmnModdle || moddleModule.default || moddleModule;

/** The config Camunda Modeler picks for a file, from its modeler attributes. */
function configFor(xml) {
  const platform = /executionPlatform="([^"]*)"/.exec(xml)?.[1];
  const version = /executionPlatformVersion="(\d+)\.(\d+)/.exec(xml);
  if (platform === 'Camunda Cloud' && version) {
    return { name: `camunda-cloud-${version[1]}-${version[2]}`, extension: 'zeebe',
             moddle: 'zeebe-bpmn-moddle/resources/zeebe.json' };
  }
  if (platform === 'Camunda Platform' && version) {
    return { name: `camunda-platform-${version[1]}-${version[2]}`, extension: 'camunda',
             moddle: 'camunda-bpmn-moddle/resources/camunda.json' };
  }
  return null;
}

async function judge(file) {
  const xml = await readFile(file, 'utf-8');
  const chosen = configFor(xml);
  const result = { file, config: chosen ? chosen.name : null, errors: [], warnings: [] };
  if (!chosen) {
    result.errors.push({ rule: '', id: '', message: 'the file names no Camunda execution platform' });
    return result;
  }
  const moddle = new BpmnModdle({
    [chosen.extension]: require(chosen.moddle),
    modeler: require('modeler-moddle/resources/modeler.json'),
  });
  let parsed;
  try {
    parsed = await moddle.fromXML(xml, 'bpmn:Definitions');
  } catch (e) {
    result.errors.push({ rule: '', id: '', message: 'Parse error: ' + e.message });
    return result;
  }
  for (const w of parsed.warnings) {
    result.errors.push({ rule: '', id: w.element?.id || '', message: 'Import warning: ' + w.message.split('\n')[0] });
  }
  const linter = new Linter({
    config: {
      extends: ['bpmnlint:correctness', `plugin:camunda-compat/${chosen.name}`],
      rules: { 'bpmnlint/no-bpmndi': 'warn' },
    },
    resolver: new NodeResolver({ require }),
  });
  const reports = await linter.lint(parsed.rootElement);
  for (const [rule, list] of Object.entries(reports)) {
    for (const r of list) {
      const entry = { rule, id: r.id || '', message: r.message };
      (r.category === 'error' ? result.errors : result.warnings).push(entry);
    }
  }
  return result;
}

try {
  const results = [];
  for (const f of files) results.push(await judge(f));
  console.log(JSON.stringify({ files: results }));
} catch (e) {
  console.error('judge.mjs: ' + (e && e.stack || e));
  process.exit(2);
}
