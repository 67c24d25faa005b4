/**
 * Loading robustness through the real command: every kind of bad input becomes an error entry
 * with a file and a position, the rest of the scan goes on, and the exit code says so.
 */

import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, link, privilegedPod, quietPod, runBin, runInProcess, tree } from './support/cli.js';

const RULE = ['--rule', 'k8s/no-privileged'];

/** Two levels of aliases, each multiplying by nine: expanding it would take 9^9 strings. */
function aliasBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\n${lines.join('\n')}\n`;
}

describe('scan: broken and unusual input', () => {
  const t = tree();
  beforeAll(() => {
    t.write({
      'good.yaml': privilegedPod('good'),
      'malformed.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {a: b\nspec: {}\n',
      'empty.yaml': '',
      'blank.yaml': '  \n\n',
      'bomb.yaml': `${privilegedPod('before-bomb')}---\n${aliasBomb()}`,
      'deep.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: ${'['.repeat(20000)}${']'.repeat(20000)}\n`,
      'nested-ok.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: nested\nx: ${'['.repeat(100)}1${']'.repeat(100)}\n`,
      'notes.yaml': 'title: release notes\nitems: [a, b]\n',
      'README.md': '# not scanned\n',
    });
    writeFileSync(join(t.dir, 'binary.yaml'), Buffer.from([0x61, 0x70, 0x69, 0x0a, 0x00, 0x01, 0x02, 0xff]));
    writeFileSync(join(t.dir, 'latin1.yaml'), Buffer.from('name: caf\xe9\n', 'latin1'));
    // A sparse 40 MiB file: over the default limit without writing 40 MiB.
    writeFileSync(join(t.dir, 'huge.yaml'), '');
    truncateSync(join(t.dir, 'huge.yaml'), 40 * 1024 * 1024);
  });
  afterAll(() => t.cleanup());

  it('reports each broken file with its position, scans the rest, and exits 2', async () => {
    const run = await runBin(['scan', '.', '--format', 'json', ...RULE], { cwd: t.dir });
    expect(run.code).toBe(2);
    const report = json(run);
    const errors = Object.fromEntries(report.errors.map((e) => [e.file, e]));
    expect(Object.keys(errors).sort()).toEqual([
      'binary.yaml',
      'blank.yaml',
      'bomb.yaml',
      'deep.yaml',
      'empty.yaml',
      'huge.yaml',
      'latin1.yaml',
      'malformed.yaml',
    ]);
    expect(errors['malformed.yaml']).toMatchObject({ line: 6, column: 1, message: expect.stringMatching(/^invalid YAML: /) });
    expect(errors['binary.yaml']).toMatchObject({ line: 2, column: 1, message: 'binary file (contains NUL bytes); not scanned' });
    expect(errors['latin1.yaml']).toMatchObject({ line: 1, column: 10, message: expect.stringMatching(/not valid UTF-8/) });
    expect(errors['empty.yaml']).toMatchObject({ line: 1, column: 1, message: 'empty file: nothing to scan' });
    expect(errors['blank.yaml']?.message).toBe('empty file: nothing to scan');
    expect(errors['bomb.yaml']).toMatchObject({ line: 13, message: expect.stringMatching(/alias/) });
    expect(errors['deep.yaml']?.message).toMatch(/nested too deeply/);
    expect(errors['huge.yaml']?.message).toMatch(/^file is 40\.0 MiB, over the 32\.0 MiB limit/);
    // The rest goes on: the good file, the document before the bomb, the deep-but-sane file.
    expect(report.findings.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['bomb.yaml:11:9', 'good.yaml:11:9']);
    expect(report.summary.objects).toBe(3);
    // Errors reach standard error too, one line each with the position.
    expect(run.stderr).toContain('greenbelt: malformed.yaml:6:1: invalid YAML: ');
  });

  it('exits 1 for the findings once errors are ignored, and 0 when the threshold is not reached', async () => {
    const ignoring = await runBin(['scan', '.', '--ignore-errors', ...RULE], { cwd: t.dir });
    expect(ignoring.code).toBe(1);
    expect(ignoring.stdout).toContain('8 input errors');
    expect((await runBin(['scan', '.', '--ignore-errors', '--fail-on', 'none', ...RULE], { cwd: t.dir })).code).toBe(0);
  });

  it('reads a file over --max-file-size as an error, and under it as usual', async () => {
    const small = await runInProcess(['scan', 'good.yaml', '--max-file-size', '100', '-f', 'json', ...RULE], { cwd: t.dir });
    expect(small.code).toBe(2);
    expect(json(small).errors).toEqual([
      { file: 'good.yaml', line: 1, column: 1, message: expect.stringMatching(/^file is 1[0-9]{2} B, over the 100 B limit/) },
    ]);
    const fine = await runInProcess(['scan', 'good.yaml', '--max-file-size', '1k', ...RULE], { cwd: t.dir });
    expect(fine.code).toBe(1);
    const bad = await runInProcess(['scan', 'good.yaml', '--max-file-size', 'lots'], { cwd: t.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-file-size must be a size such as 10M');
  });

  it('skips YAML that is not a Kubernetes object quietly, and lists it with --verbose', async () => {
    const quiet = await runInProcess(['scan', 'notes.yaml', 'README.md', 'nested-ok.yaml'], { cwd: t.dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('notes.yaml');
    const verbose = await runInProcess(['scan', 'notes.yaml', 'README.md', '--verbose'], { cwd: t.dir });
    expect(verbose.stdout).toContain('Skipped\n');
    expect(verbose.stdout).toContain('  notes.yaml 1 YAML document that is not a Kubernetes object or another recognised format');
    const asJson = json(await runInProcess(['scan', '.', '--verbose', '-f', 'json', ...RULE], { cwd: t.dir }));
    expect(asJson.skipped).toEqual(
      expect.arrayContaining([
        { file: 'README.md', reason: 'not a file type greenbelt checks' },
        { file: 'notes.yaml', reason: '1 YAML document that is not a Kubernetes object or another recognised format' },
      ]),
    );
    expect(json(await runInProcess(['scan', '.', '-f', 'json', ...RULE], { cwd: t.dir })).skipped).toBeUndefined();
  });

  it('reports a path that does not exist and goes on with the others', async () => {
    const run = await runInProcess(['scan', 'missing.yaml', 'good.yaml', '-f', 'json', ...RULE], { cwd: t.dir });
    expect(run.code).toBe(2);
    const report = json(run);
    expect(report.errors).toEqual([
      { file: 'missing.yaml', line: 1, column: 1, message: 'no such file or directory (or a broken symbolic link)' },
    ]);
    expect(report.findings).toHaveLength(1);
  });
});

describe('scan: file system corners', () => {
  const t = tree();
  beforeAll(() => {
    t.write({
      'app/pod.yaml': privilegedPod('app'),
      'app/.git/config.yaml': privilegedPod('in-git'),
      'app/node_modules/pkg/pod.yaml': privilegedPod('in-node-modules'),
      'links/real.yaml': privilegedPod('real'),
    });
    link('..', join(t.dir, 'app', 'sub', 'up'));
    link('loop-b.yaml', join(t.dir, 'links', 'loop-a.yaml'));
    link('loop-a.yaml', join(t.dir, 'links', 'loop-b.yaml'));
    link('nowhere.yaml', join(t.dir, 'links', 'broken.yaml'));
    link('nowhere', join(t.dir, 'links', 'broken-other'));
    link('real.yaml', join(t.dir, 'links', 'alias.yaml'));
    execFileSync('mkfifo', [join(t.dir, 'app', 'pipe.yaml')]);
  });
  afterAll(() => t.cleanup());

  it('skips .git and node_modules, never opens a FIFO found in a directory, and stops a symlink loop', async () => {
    const run = await runBin(['scan', 'app', '-f', 'json', '--verbose', ...RULE], { cwd: t.dir, killAfterMs: 20_000 });
    expect(run.signal).toBeNull();
    const report = json(run);
    expect(report.findings.map((f) => f.object?.name)).toEqual(['app']);
    expect(report.errors).toEqual([
      {
        file: 'app/sub/up',
        line: 1,
        column: 1,
        message: expect.stringMatching(/^symbolic link loop: app\/sub\/up leads back to .*; not followed$/),
      },
    ]);
    expect(report.skipped).toContainEqual({ file: 'app/pipe.yaml', reason: 'a named pipe (FIFO), not a regular file; not read' });
    expect(run.code).toBe(2);
  });

  it('reports looping and dangling links to YAML files, ignores others, and reads a linked file once', async () => {
    const run = await runInProcess(['scan', 'links', '-f', 'json', '--verbose', ...RULE], { cwd: t.dir });
    const report = json(run);
    expect(report.errors.map((e) => [e.file, e.message])).toEqual([
      ['links/broken.yaml', 'no such file or directory (or a broken symbolic link)'],
      ['links/loop-a.yaml', 'symbolic link loop: too many levels of symbolic links'],
      ['links/loop-b.yaml', 'symbolic link loop: too many levels of symbolic links'],
    ]);
    expect(report.skipped?.map((s) => s.file)).toContain('links/broken-other');
    // alias.yaml and real.yaml are one file: one finding, under the name met first.
    expect(report.findings.map((f) => f.file)).toEqual(['links/alias.yaml']);
  });

  it('reads a named pipe given on the command line, as cat would', async () => {
    const fifo = join(t.dir, 'explicit.fifo');
    execFileSync('mkfifo', [fifo]);
    const pending = runBin(['scan', 'explicit.fifo', '-f', 'json', ...RULE], { cwd: t.dir, killAfterMs: 20_000 });
    const writer = createWriteStream(fifo);
    writer.end(privilegedPod('piped'));
    const run = await pending;
    expect(run.signal).toBeNull();
    const report = json(run);
    expect(report.findings.map((f) => [f.file, f.line, f.object?.name])).toEqual([['explicit.fifo', 11, 'piped']]);
    expect(run.code).toBe(1);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(!root)('reports files and directories it may not read (run as nobody), and scans the rest', async () => {
    const u = tree({
      'ok.yaml': privilegedPod('ok'),
      'secret.yaml': privilegedPod('secret'),
      'locked/x.yaml': privilegedPod('x'),
    });
    try {
      execFileSync('chmod', ['600', join(u.dir, 'secret.yaml')]);
      execFileSync('chmod', ['700', join(u.dir, 'locked')]);
      const run = await runBin(['scan', '.', '-f', 'json', ...RULE], { cwd: u.dir, uid: 65534, gid: 65534 });
      const report = json(run);
      expect(report.errors).toEqual([
        { file: 'locked', line: 1, column: 1, message: 'permission denied: the directory cannot be listed' },
        { file: 'secret.yaml', line: 1, column: 1, message: 'permission denied: the file cannot be read' },
      ]);
      expect(report.findings.map((f) => f.object?.name)).toEqual(['ok']);
      expect(run.code).toBe(2);
    } finally {
      u.cleanup();
    }
  });
  if (!root) it.skip('unreadable files: skipped because the tests do not run as root (permissions do not bite)', () => {});
});

describe('scan: .greenbelt-ignore', () => {
  const t = tree();
  beforeAll(() => {
    t.write({
      '.greenbelt-ignore': '# generated output\ngenerated/\n*.skip.yaml\nvendor/**/*.yaml\n',
      'generated/pod.yaml': privilegedPod('generated'),
      'a.skip.yaml': privilegedPod('skipped'),
      'kept.yaml': privilegedPod('kept'),
      'vendor/lib/pod.yaml': privilegedPod('vendored'),
      'vendor/.greenbelt-ignore': '!lib/patched.yaml\n',
      'vendor/lib/patched.yaml': privilegedPod('patched'),
      'deploy/.greenbelt-ignore': '*.yaml\n!main.yaml\n',
      'deploy/main.yaml': privilegedPod('main'),
      'deploy/extra.yaml': privilegedPod('extra'),
      'deploy/nested/deeper.yaml': privilegedPod('deeper'),
    });
  });
  afterAll(() => t.cleanup());

  const scanned = async (args: string[]) =>
    json(await runInProcess(['scan', ...args, '-f', 'json', ...RULE], { cwd: t.dir }))
      .findings.map((f) => f.object?.name)
      .sort();

  it('honours patterns, nested files and negation (the deepest file decides, as in git)', async () => {
    expect(await scanned(['.'])).toEqual(['kept', 'main', 'patched']);
  });

  it('applies ignore files above a scanned directory, and --exclude on top', async () => {
    expect(await scanned(['vendor'])).toEqual(['patched']);
    expect(await scanned(['.', '--exclude', 'kept.yaml', '--exclude', 'vendor/'])).toEqual(['main']);
  });

  it('still scans a file named on the command line', async () => {
    expect(await scanned(['a.skip.yaml'])).toEqual(['skipped']);
  });
});

describe('scan: documents, lists, JSON and standard input', () => {
  const t = tree();
  beforeAll(() => {
    t.write({
      'multi.yaml': `# leading comment\n---\n${quietPod('first')}---\n${privilegedPod('second')}---\n---\n${privilegedPod('third', 'other')}`,
      'list.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: item-zero
    spec:
      containers:
        - name: app
          image: nginx:1.27
  - apiVersion: v1
    kind: Pod
    metadata:
      name: item-one
      namespace: shop
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext: {privileged: true}
`,
      'pod.json': `${JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'from-json', namespace: 'shop', annotations: { note: 'a\\/b \u00e9' } },
          spec: { containers: [{ name: 'app', image: 'nginx:1.27', securityContext: { privileged: true } }] },
        },
        null,
        4,
      )}\n`,
      'tabs.json':
        '{\n\t"apiVersion": "v1", "kind": "Pod",\n\t"metadata": {"name": "tabbed", "annotations": {"url": "http:\\/\\/example.com\\u00e9"}},\n\t"spec": {"containers": [\n\t\t{"name": "app", "securityContext": {"privileged": true}}\n\t]}\n}\n',
    });
  });
  afterAll(() => t.cleanup());

  it('finds every object of a multi-document file, at the right lines', async () => {
    const report = json(await runInProcess(['scan', 'multi.yaml', '-f', 'json', ...RULE], { cwd: t.dir }));
    expect(report.findings.map((f) => [f.object?.name, f.line, f.column])).toEqual([
      ['second', 25, 9],
      ['third', 38, 9],
    ]);
    expect(report.summary.objects).toBe(3);
  });

  it('expands kind: List items, with positions pointing into the item', async () => {
    const report = json(await runInProcess(['scan', 'list.yaml', '-f', 'json', ...RULE], { cwd: t.dir }));
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      line: 21,
      column: 29,
      path: '/spec/containers/0/securityContext/privileged',
      object: { kind: 'Pod', namespace: 'shop', name: 'item-one' },
    });
  });

  it('keeps exact positions in JSON manifests, with spaces or tabs', async () => {
    const report = json(await runInProcess(['scan', 'pod.json', 'tabs.json', '-f', 'json', ...RULE], { cwd: t.dir }));
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f) => [f.file, f.line, f.column])).toEqual([
      ['pod.json', 17, 21],
      ['tabs.json', 5, 39],
    ]);
    const text = readFileSync(join(t.dir, 'pod.json'), 'utf8').split('\n')[16] ?? '';
    expect(text.slice(20)).toBe('"privileged": true');
  });

  it('reads standard input with -, under the name --stdin-filename gives', async () => {
    const named = await runBin(['scan', '-', '--stdin-filename', 'deploy/web.yaml', '-f', 'json', ...RULE], {
      cwd: t.dir,
      input: privilegedPod('stdin'),
    });
    expect(named.code).toBe(1);
    expect(json(named).findings.map((f) => [f.file, f.line])).toEqual([['deploy/web.yaml', 11]]);
    const anonymous = await runBin(['scan', '-', '-f', 'json', ...RULE], { cwd: t.dir, input: privilegedPod('stdin') });
    expect(json(anonymous).findings.map((f) => f.file)).toEqual(['<stdin>']);
    const implied = await runInProcess(['scan', '--stdin-filename', 'x.yaml', '-f', 'json', ...RULE], {
      cwd: t.dir,
      stdin: privilegedPod('implied'),
    });
    expect(json(implied).findings.map((f) => f.file)).toEqual(['x.yaml']);
    const empty = await runBin(['scan', '-', '-f', 'json'], { cwd: t.dir, input: '' });
    expect(empty.code).toBe(2);
    expect(json(empty).errors).toEqual([{ file: '<stdin>', line: 1, column: 1, message: 'empty file: nothing to scan' }]);
  });

  it('refuses --stdin-filename when the paths leave out -', async () => {
    const run = await runInProcess(['scan', 'pod.json', '--stdin-filename', 'x.yaml'], { cwd: t.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--stdin-filename names standard input: add - to the paths');
  });
});

describe('scan: exit codes and --output', () => {
  const t = tree({ 'critical.yaml': privilegedPod('critical'), 'clean/pod.yaml': quietPod('clean') });
  afterAll(() => t.cleanup());

  it.each([
    [['critical.yaml'], 1],
    [['critical.yaml', '--fail-on', 'critical'], 1],
    [['critical.yaml', '--fail-on', 'none'], 0],
    [['clean'], 0],
    [['clean', '--fail-on', 'info'], 0],
    [['critical.yaml', '--fail-on', 'severe'], 2],
    [['critical.yaml', '--format', 'xml'], 2],
    [['critical.yaml', '--no-such-option'], 2],
  ])('scan %j exits %i', async (args, code) => {
    expect((await runInProcess(['scan', ...args, ...RULE], { cwd: t.dir })).code).toBe(code);
  });

  it('writes the report to --output and nothing to standard output', async () => {
    const run = await runBin(['scan', 'critical.yaml', '-f', 'sarif', '-o', 'out/report.sarif', ...RULE], { cwd: t.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write the report to out\/report\.sarif \(ENOENT\)/);
    mkdirSync(join(t.dir, 'out'));
    const ok = await runBin(['scan', 'critical.yaml', '-f', 'sarif', '-o', 'out/report.sarif', ...RULE], { cwd: t.dir });
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('');
    expect(existsSync(join(t.dir, 'out', 'report.sarif'))).toBe(true);
    const sarif = JSON.parse(readFileSync(join(t.dir, 'out', 'report.sarif'), 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('suggests the command meant by a typo', async () => {
    const run = await runBin(['scna'], { cwd: t.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('greenbelt: unknown command "scna" (did you mean scan?)');
  });
});
