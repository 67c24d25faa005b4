/**
 * The bundled example: every finding a reviewer would point at in the insecure manifests is there,
 * on the right line, and the hardened manifests are clean above low.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atLeast } from '../src/core/severity.js';
import { scan } from '../src/scan.js';

const root = join(import.meta.dirname, '..');

describe('examples/insecure/k8s', async () => {
  const result = await scan({ paths: ['examples/insecure/k8s'], cwd: root, config: false });
  const has = (rule: string, file: string, line: number) =>
    result.findings.some((f) => f.rule === rule && f.file === `examples/insecure/k8s/${file}` && f.line === line);

  it('reads every file without errors', () => {
    expect(result.errors).toEqual([]);
    expect(result.summary.files).toBe(4);
  });

  it.each([
    ['k8s/no-privileged', 'api.yaml', 30],
    ['k8s/dangerous-capabilities', 'api.yaml', 32],
    ['k8s/host-path-mount', 'api.yaml', 38],
    ['k8s/env-credentials', 'api.yaml', 26],
    ['k8s/env-credentials', 'api.yaml', 28],
    ['k8s/image-tag', 'api.yaml', 20],
    ['k8s/image-pull-policy', 'api.yaml', 21],
    ['rbac/no-wildcard', 'api.yaml', 55],
    ['rbac/no-cluster-admin-binding', 'api.yaml', 64],
    ['rbac/risky-workload-token', 'api.yaml', 17],
    ['k8s/exposed-service', 'api.yaml', 76],
    ['k8s/secret-data', 'db.yaml', 9],
    ['k8s/no-host-network', 'db.yaml', 27],
    ['k8s/secret-in-env', 'db.yaml', 32],
    ['k8s/host-path-mount', 'backup.yaml', 34],
    ['k8s/no-host-pid', 'backup.yaml', 14],
    ['k8s/env-credentials', 'backup.yaml', 21],
    ['k8s/env-credentials', 'backup.yaml', 23],
    ['k8s/no-host-port', 'web.yaml', 22],
    ['k8s/image-tag', 'web.yaml', 19],
    ['k8s/no-privilege-escalation', 'web.yaml', 24],
    ['k8s/exposed-service', 'web.yaml', 32],
    ['netpol/exposed-without-ingress-policy', 'web.yaml', 32],
    ['k8s/default-namespace', 'web.yaml', 6],
  ])('reports %s in %s at line %i', (rule, file, line) => {
    expect(has(rule, file, line)).toBe(true);
  });

  it('grades the runtime socket and the host root as critical', () => {
    const critical = result.findings.filter((f) => f.rule === 'k8s/host-path-mount' && f.severity === 'critical');
    expect(critical.map((f) => `${f.file}:${f.line}`).sort()).toEqual([
      'examples/insecure/k8s/api.yaml:38',
      'examples/insecure/k8s/backup.yaml:34',
    ]);
  });

  it('never prints the credentials it finds', () => {
    const text = JSON.stringify(result);
    for (const secret of [
      'Sup3rS3cretPassw0rd',
      'sk_live_4eC39HqLyjWDarjtT1zdp7dc9Xz',
      'AKIAIOSFODNN7EXAMPLE',
      'wJalrXUtnFEMI',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('examples/hardened/k8s', async () => {
  const result = await scan({ paths: ['examples/hardened/k8s'], cwd: root, config: false });

  it('is clean above low', () => {
    expect(result.errors).toEqual([]);
    expect(
      result.findings.filter((f) => atLeast(f.severity, 'low')).map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`),
    ).toEqual([]);
    expect(result.summary.objects).toBeGreaterThan(15);
  });
});
