/**
 * The bundled Docker examples: the insecure variant shows the findings a reviewer expects (and
 * each one is a real problem in it); the hardened variant is clean above low.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan.js';

async function scanExample(variant: 'insecure' | 'hardened') {
  const result = await scan({ paths: [`examples/${variant}/docker`], cwd: `${import.meta.dirname}/..`, config: false });
  expect(result.errors).toEqual([]);
  return result.findings;
}

describe('examples/insecure/docker', () => {
  it('reports what a reviewer would flag, in every file', async () => {
    const findings = await scanExample('insecure');
    const seen = new Set(findings.map((f) => `${f.file?.split('/').pop()} ${f.rule}`));
    const expected = [
      'Dockerfile dockerfile/no-latest-tag',
      'Dockerfile dockerfile/no-root-user',
      'Dockerfile dockerfile/no-secrets-in-env-arg',
      'Dockerfile dockerfile/no-secrets-in-run',
      'Dockerfile dockerfile/require-dockerignore',
      'Dockerfile dockerfile/no-add',
      'Dockerfile dockerfile/no-curl-pipe-shell',
      'Dockerfile dockerfile/no-world-writable',
      'Dockerfile dockerfile/no-ssh',
      'Dockerfile dockerfile/require-no-install-recommends',
      'Dockerfile dockerfile/require-package-cache-cleanup',
      'Dockerfile dockerfile/require-exec-form',
      'Dockerfile dockerfile/no-maintainer',
      'compose.yaml compose/no-privileged',
      'compose.yaml compose/no-sensitive-host-mounts',
      'compose.yaml compose/no-inline-secrets',
      'compose.yaml compose/no-latest-tag',
      'compose.yaml compose/no-ports-on-all-interfaces',
      'compose.yaml compose/require-resource-limits',
      'compose.yaml compose/require-user-networks',
      'daemon.json daemon/no-tcp-without-tls',
      'daemon.json daemon/require-icc-disabled',
      'daemon.json daemon/no-insecure-registries',
      'daemon.json daemon/require-info-log-level',
      'daemon.json daemon/no-experimental',
      'run.sh docker-run/no-privileged',
      'run.sh docker-run/no-sensitive-host-mounts',
      'run.sh docker-run/no-inline-secrets',
      'run.sh docker-run/no-latest-tag',
    ];
    expect(expected.filter((e) => !seen.has(e))).toEqual([]);
    expect(
      findings
        .filter((f) => f.severity === 'critical')
        .map((f) => f.rule)
        .sort(),
    ).toEqual([
      'compose/no-inline-secrets',
      'compose/no-privileged',
      'compose/no-sensitive-host-mounts',
      'daemon/no-tcp-without-tls',
      'docker-run/no-privileged',
      'docker-run/no-sensitive-host-mounts',
    ]);
  });

  it('never prints the fake credentials of the example', async () => {
    const text = JSON.stringify(await scanExample('insecure'));
    for (const secret of ['Sh0pP4ssw0rd', '9f8d7c6b5a4e3d2c1b0aZ']) expect(text).not.toContain(secret);
  });
});

describe('examples/hardened/docker', () => {
  it('is clean above low', async () => {
    const findings = await scanExample('hardened');
    expect(
      findings.filter((f) => f.severity !== 'low' && f.severity !== 'info').map((f) => `${f.file}:${f.line} ${f.rule}`),
    ).toEqual([]);
  });

  it('covers the same files (so clean means checked, not skipped)', async () => {
    const result = await scan({ paths: ['examples/hardened/docker'], cwd: `${import.meta.dirname}/..`, config: false });
    const skipped = result.skipped.map((s) => s.file.split('/').pop());
    for (const name of ['Dockerfile', 'compose.yaml', 'daemon.json', 'run.sh']) expect(skipped).not.toContain(name);
  });
});
