// Dockerfile throughput on the real-Dockerfile corpus (../shared/conformance/real-dockerfiles):
//
//   baseline  dockerfile-ast: DockerfileParser.parse (instructions only, no shell parsing)
//   parse     greenbelt: Dockerfile model incl. parsing every RUN with the shell parser (and walking its commands)
//   check     greenbelt: parse + every rule + the engine (positions, fingerprints, suppressions)
//   scan      greenbelt: scan() of the corpus directory (walk, read, .dockerignore lookups, all of the above)
//   peer      dockerfilelint.run on the same texts
//
// All are measured in this run, interleaved, on one core (this process); the figure is the
// median of the rounds. Timing is printed, never asserted. Run with `npm run bench`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'conformance', 'real-dockerfiles');
if (!existsSync(corpus)) {
  console.log(`skipped: the corpus ${relative(process.cwd(), corpus)} is not there`);
  process.exit(0);
}
const dist = (path) => import(join(root, 'dist', path));
const { SourceText } = await dist('core/source.js');
const { DockerfileDocument } = await dist('model/dockerfile.js');
const { dockerfileHandler, isDockerfileName } = await dist('sources/dockerfile-handler.js');
const { runEngine } = await dist('engine/engine.js');
const { emptyConfig } = await dist('engine/config.js');
const { ObjectSet } = await dist('model/object-set.js');
const { allRules } = await dist('rules/index.js');
const { scan } = await dist('scan.js');
const require = createRequire(import.meta.url);
const { DockerfileParser } = require('dockerfile-ast');

const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (isDockerfileName(name)) files.push(path);
  }
};
walk(corpus);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const settings = emptyConfig(root).settings;

const runs = {
  baseline() {
    let n = 0;
    for (const text of texts) n += DockerfileParser.parse(text).getInstructions().length;
    return n;
  },
  parse() {
    // RUN scripts are parsed when their commands are first asked for: ask, so this includes them.
    let n = 0;
    for (const text of texts) {
      for (const instruction of new DockerfileDocument(new SourceText('Dockerfile', text)).instructions) {
        n += instruction.run ? instruction.run.commands.length : 1;
      }
    }
    return n;
  },
  check() {
    const config = emptyConfig(root);
    const sources = [];
    const documents = [];
    for (let i = 0; i < texts.length; i++) {
      const source = new SourceText(files[i], texts[i]);
      sources.push(source);
      documents.push(...dockerfileHandler.parse(source, { settings }).documents);
    }
    const out = runEngine({ documents, objects: new ObjectSet([]), sources, absolute: new Map(), config, rules: allRules });
    return out.findings.length;
  },
  async scan() {
    const result = await scan({ paths: [corpus], config: false });
    return result.findings.length;
  },
};

let dockerfilelint;
let peerNote = '';
try {
  dockerfilelint = require('dockerfilelint');
  runs.peer = () => {
    let n = 0;
    for (const text of texts) {
      try {
        n += dockerfilelint.run(corpus, text).length;
      } catch {
        // counted below: dockerfilelint throws on some real Dockerfiles
      }
    }
    return n;
  };
} catch (error) {
  peerNote = `dockerfilelint is not installed (${error.message.split('\n')[0]}): no side-by-side`;
}

const ROUNDS = 7;
const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (let round = 0; round < ROUNDS + 2; round++) {
  for (const [name, fn] of Object.entries(runs)) {
    const start = performance.now();
    await fn();
    const ms = performance.now() - start;
    if (round >= 2) times[name].push(ms); // two warm-up rounds
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ms = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
const rate = (name) => Math.round((texts.length / ms[name]) * 1000);
const pad = (text, n) => String(text).padEnd(n);

console.log(
  `corpus: ${texts.length} Dockerfiles, ${(texts.reduce((a, t) => a + t.length, 0) / 1024 / 1024).toFixed(1)} MiB; median of ${ROUNDS} rounds on one core`,
);
console.log(`${pad('', 42)}${pad('ms', 10)}Dockerfiles/s`);
const rows = [
  ['dockerfile-ast parse (baseline)', 'baseline'],
  ['greenbelt parse + shell parse', 'parse'],
  ['greenbelt parse + shell + all rules', 'check'],
  ['greenbelt scan() of the directory', 'scan'],
];
if (runs.peer) rows.push(['dockerfilelint (peer)', 'peer']);
for (const [label, key] of rows) console.log(`${pad(label, 42)}${pad(ms[key].toFixed(1), 10)}${rate(key)}`);
console.log(`ratio check / dockerfile-ast parse alone: ${(ms.check / ms.baseline).toFixed(2)}x the time`);
console.log(`ratio parse (with shell) / dockerfile-ast parse alone: ${(ms.parse / ms.baseline).toFixed(2)}x the time`);
console.log(
  `target >= 2000 Dockerfiles/s incl. shell parsing and rules: ${rate('check') >= 2000 ? 'met' : 'NOT met'} (${rate('check')}/s)`,
);

// Why greenbelt has its own shell parser: sh-syntax (mvdan/sh compiled to WASM) on the same RUN
// scripts, next to greenbelt's shell parser alone. One round: sh-syntax starts a Go runtime per call.
try {
  const { parse: shParse } = await import('sh-syntax');
  const { parseShell } = await dist('sources/shell/parser.js');
  const scripts = [];
  for (const text of texts) {
    for (const instruction of new DockerfileDocument(new SourceText('Dockerfile', text)).instructions) {
      if (instruction.run?.kind === 'posix') scripts.push(instruction.run.script.text);
    }
  }
  let start = performance.now();
  for (const script of scripts) parseShell(script);
  const ours = performance.now() - start;
  start = performance.now();
  let failed = 0;
  for (const script of scripts) {
    try {
      await shParse(script);
    } catch {
      failed++;
    }
  }
  const theirs = performance.now() - start;
  console.log(
    `shell parsing of the corpus's ${scripts.length} POSIX RUN scripts: greenbelt ${ours.toFixed(1)} ms, sh-syntax (WASM) ${theirs.toFixed(0)} ms (${(theirs / ours).toFixed(0)}x; ${failed} rejected); sh-syntax's JSON tree also leaves out command words`,
  );
} catch (error) {
  console.log(`sh-syntax not measured: ${String(error.message).split('\n')[0]}`);
}

if (!runs.peer) {
  console.log(peerNote);
  process.exit(0);
}
console.log(
  `ratio check / dockerfilelint: ${(ms.check / ms.peer).toFixed(2)}x the time (${ms.check < ms.peer ? 'faster' : 'slower'} than dockerfilelint)`,
);

// Findings of comparable checks on the same texts.
const ours = new Map();
{
  const config = emptyConfig(root);
  const sources = [];
  const documents = [];
  for (let i = 0; i < texts.length; i++) {
    const source = new SourceText(files[i], texts[i]);
    sources.push(source);
    documents.push(...dockerfileHandler.parse(source, { settings }).documents);
  }
  const out = runEngine({ documents, objects: new ObjectSet([]), sources, absolute: new Map(), config, rules: allRules });
  for (const f of out.findings) ours.set(f.rule, (ours.get(f.rule) ?? 0) + 1);
}
const theirs = new Map();
const crashes = [];
texts.forEach((text, i) => {
  let items;
  try {
    items = dockerfilelint.run(corpus, text);
  } catch (error) {
    crashes.push(`${relative(corpus, files[i])}: ${String(error.message).split('\n')[0]}`);
    return;
  }
  for (const item of items) theirs.set(item.rule, (theirs.get(item.rule) ?? 0) + 1);
});
const pairs = [
  ['missing_tag + latest_tag', ['missing_tag', 'latest_tag'], 'dockerfile/no-latest-tag'],
  ['sudo_usage', ['sudo_usage'], 'dockerfile/no-sudo'],
  ['apt-get_recommends', ['apt-get_recommends'], 'dockerfile/require-no-install-recommends'],
  ['apt-get-upgrade + apt-get-dist-upgrade', ['apt-get-upgrade', 'apt-get-dist-upgrade'], 'dockerfile/no-package-upgrade'],
  ['apt-get_missing_rm', ['apt-get_missing_rm'], 'dockerfile/require-package-cache-cleanup'],
  ['apkadd-missing_nocache_or_updaterm', ['apkadd-missing_nocache_or_updaterm'], 'dockerfile/require-apk-no-cache'],
];
console.log('\ncomparable checks (findings on the corpus):');
console.log(`${pad('dockerfilelint', 40)}${pad('count', 7)}${pad('greenbelt', 42)}count`);
for (const [label, ids, rule] of pairs) {
  const count = ids.reduce((a, id) => a + (theirs.get(id) ?? 0), 0);
  console.log(`${pad(label, 40)}${pad(count, 7)}${pad(rule, 42)}${ours.get(rule) ?? 0}`);
}
console.log(
  "note: dockerfilelint matches words: it counts stage references (FROM builder) and $VARIABLE images as untagged and the package name sudo as sudo use; greenbelt resolves stages and ARG defaults and reads the commands. greenbelt's cache and upgrade rules also cover apk, yum, dnf and zypper.",
);
const theirTotal = [...theirs.values()].reduce((a, b) => a + b, 0);
const ourTotal = [...ours.values()].reduce((a, b) => a + b, 0);
console.log(`all findings: dockerfilelint ${theirTotal} (${theirs.size} checks), greenbelt ${ourTotal} (${ours.size} rules)`);
console.log(
  `dockerfilelint threw on ${crashes.length} of ${texts.length} Dockerfiles${crashes.length > 0 ? ` (no findings counted for them), e.g. ${crashes[0]}` : ''}`,
);
