/**
 * The package as users get it: the `greenbelt` bin, `npx greenbelt`, and the library entry
 * (dist/index.js, also through the package's own name) running `scan` on a snippet.
 */

import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_URL } from '../src/report/project.js';
import { cleanEnv, privilegedPod, root } from './support/cli.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  version: string;
  bin: Record<string, string>;
  main: string;
  exports: Record<string, { default: string; types: string }>;
  homepage: string;
  files: string[];
};
const run = promisify(execFile);

describe('package', () => {
  it('has an executable greenbelt bin with a node shebang', () => {
    const bin = join(root, pkg.bin.greenbelt ?? '');
    accessSync(bin, constants.X_OK);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('runs through npx greenbelt', async () => {
    const { stdout } = await run('npx', ['--no-install', 'greenbelt', '--version'], { cwd: root, env: cleanEnv() });
    expect(stdout).toBe(`${pkg.version}\n`);
  });

  it('points its homepage where SARIF and the docs links point', () => {
    expect(pkg.homepage).toBe(PROJECT_URL);
  });

  it('exports scan, the registry and the formatters from the built entry, and scan works on a snippet', async () => {
    const entry = join(root, pkg.exports['.']?.default ?? pkg.main);
    const api = (await import(entry)) as typeof import('../src/index.js');
    expect(typeof api.scan).toBe('function');
    expect(api.allRules.length).toBeGreaterThan(0);
    expect(api.findRule('k8s/no-privileged')?.meta.id).toBe('k8s/no-privileged');
    expect([...api.FORMATS]).toEqual(['text', 'json', 'sarif', 'junit', 'github']);
    const result = await api.scan({
      paths: ['-'],
      stdin: privilegedPod('lib'),
      stdinFilename: 'pod.yaml',
      config: false,
      only: ['k8s/no-privileged'],
    });
    expect(result.version).toBe(1);
    expect(result.findings.map((f) => [f.rule, f.file, f.line, f.column, f.object?.name])).toEqual([
      ['k8s/no-privileged', 'pod.yaml', 11, 9, 'lib'],
    ]);
    const sarif = JSON.parse(api.format('sarif', result, { rules: api.allRules })) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(api.format('json', result)).toBe(api.formatJson(result));
  });

  it('resolves through its own package name (the exports map)', async () => {
    const script = `import('greenbelt').then(async (g) => { const r = await g.scan({ paths: ['-'], stdin: ${JSON.stringify(
      privilegedPod('self'),
    )}, config: false, only: ['k8s/no-privileged'] }); process.stdout.write(String(r.findings.length)); })`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env: cleanEnv() });
    expect(stdout).toBe('1');
  });

  it('ships dist and the docs', () => {
    expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'docs', 'README.md']));
  });
});
