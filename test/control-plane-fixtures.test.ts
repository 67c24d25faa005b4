/**
 * The hand-made control-plane fixtures: every mistake is reported on the line its
 * `# expect-next:` comment names, nothing else is, and the hardened configs are clean.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../src/engine/config.js';
import { allRules } from '../src/rules/index.js';
import { scan } from '../src/scan.js';

const root = join(import.meta.dirname, 'fixtures', 'control-plane');
const TARGETS = new Set(['apiserver', 'etcd', 'controller-manager', 'scheduler', 'kubelet', 'kube-proxy', 'encryption']);
const AUDIT = (id: string) => id.startsWith('audit/');
const rules = allRules.filter((r) => TARGETS.has(r.target) || AUDIT(r.meta.id));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** `file:line rule` for every `# expect-next:` comment. */
function expectations(dir: string): string[] {
  const out: string[] = [];
  for (const file of files(dir)) {
    if (file.endsWith('.md')) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, index) => {
      const match = /^\s*# expect-next: (.+)$/.exec(line);
      if (!match) return;
      let next = index + 1;
      while (next < lines.length && /^\s*#/.test(lines[next] ?? '')) next++;
      for (const rule of (match[1] as string).split(',').map((r) => r.trim()))
        out.push(`${relative(dir, file)}:${next + 1} ${rule}`);
    });
  }
  return out.sort();
}

async function findings(dir: string): Promise<string[]> {
  const result = await scan({ paths: ['.'], cwd: dir, config: emptyConfig(dir), rules });
  expect(result.errors).toEqual([]);
  return result.findings
    .filter((f) => f.suppressed === null)
    .map((f) => `${f.file}:${f.line} ${f.rule}`)
    .sort();
}

describe('control-plane fixtures', () => {
  it('reports every mistake of bad/ on the line its comment names, and nothing else', async () => {
    const dir = join(root, 'bad');
    const expected = expectations(dir);
    expect(expected.length).toBeGreaterThan(90);
    expect(await findings(dir)).toEqual(expected);
  });

  it('every rule of the control-plane targets is exercised by bad/', async () => {
    const seen = new Set((await findings(join(root, 'bad'))).map((f) => f.split(' ')[1]));
    const idle = rules.map((r) => r.meta.id).filter((id) => !seen.has(id));
    expect(idle).toEqual([]);
  });

  it('reads a kubeadm host whose components start through a shell and read config files and drop-ins', async () => {
    const dir = join(root, 'kubeadm-host');
    const expected = expectations(dir);
    expect(expected.length).toBe(7);
    expect(await findings(dir)).toEqual(expected);
  });

  it('finds nothing in good/ beyond what its comments announce (the informational note on local keys)', async () => {
    const dir = join(root, 'good');
    expect(await findings(dir)).toEqual(expectations(dir));
  });
});
