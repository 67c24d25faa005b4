import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../scan.js';
import { scanText } from '../testing/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gb-daemon-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function scanTree(files: Record<string, string>) {
  const dir = tree(files);
  const result = await scan({ paths: ['.'], cwd: dir, config: false });
  expect(result.errors).toEqual([]);
  return result.findings.filter((f) => f.rule.startsWith('daemon/') || f.rule.startsWith('docker-run/'));
}

const rules = (findings: { rule: string }[]) => [...new Set(findings.map((f) => f.rule))].sort();

describe('daemon sources', () => {
  it('merges daemon.json with the dockerd flags of a systemd drop-in', async () => {
    const findings = await scanTree({
      'etc/docker/daemon.json': '{\n  "live-restore": true\n}\n',
      'etc/systemd/system/docker.service.d/override.conf':
        '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --icc=false --userns-remap=default\n',
    });
    const found = rules(findings);
    expect(found).not.toContain('daemon/require-icc-disabled');
    expect(found).not.toContain('daemon/require-userns-remap');
    expect(found).not.toContain('daemon/require-live-restore');
    expect(found).toContain('daemon/require-no-new-privileges');
    // Absences are reported once, at daemon.json.
    expect(findings.filter((f) => f.rule === 'daemon/require-no-new-privileges').map((f) => f.file)).toEqual([
      'etc/docker/daemon.json',
    ]);
  });

  it('reads DOCKER_OPTS from /etc/default/docker with positions', async () => {
    const findings = await scanTree({
      'etc/default/docker': '# Docker options\nDOCKER_OPTS="--icc=false -H tcp://0.0.0.0:2375"\n',
    });
    const tcp = findings.find((f) => f.rule === 'daemon/no-tcp-without-tls');
    expect([tcp?.file, tcp?.line, tcp?.column, tcp?.severity]).toEqual(['etc/default/docker', 2, 29, 'critical']);
    expect(rules(findings)).not.toContain('daemon/require-icc-disabled');
  });

  it('substitutes Environment= variables of the unit into ExecStart', async () => {
    const findings = await scanTree({
      'docker.service':
        '[Service]\nEnvironment="DOCKER_OPTS=--insecure-registry=10.0.0.2:5000"\nExecStart=/usr/bin/dockerd $DOCKER_OPTS\n',
    });
    const insecure = findings.find((f) => f.rule === 'daemon/no-insecure-registries');
    expect([insecure?.line, insecure?.column]).toEqual([2, 26]);
  });

  it('treats TCP listeners of docker.socket as API endpoints', async () => {
    const findings = await scanTree({
      'lib/systemd/system/docker.socket': '[Socket]\nListenStream=/run/docker.sock\nListenStream=2375\n',
    });
    const tcp = findings.find((f) => f.rule === 'daemon/no-tcp-without-tls');
    expect([tcp?.line, tcp?.column, tcp?.message]).toEqual([3, 14, expect.stringContaining('tcp://0.0.0.0:2375')]);
  });

  it('finds docker run in the ExecStart of a container service unit', async () => {
    const findings = await scanTree({
      'app.service':
        '[Service]\nExecStartPre=-/usr/bin/docker rm -f app\nExecStart=/usr/bin/docker run --rm --name app \\\n  --privileged acme/app:1.0\n',
    });
    expect(findings.filter((f) => f.rule === 'docker-run/no-privileged').map((f) => [f.line, f.column])).toEqual([[4, 3]]);
    expect(rules(findings).some((r) => r.startsWith('daemon/'))).toBe(false);
  });

  it('keeps one configuration per daemon.json when a scan holds several', async () => {
    const findings = await scanTree({
      'host-a/daemon.json': '{ "icc": false }\n',
      'host-b/daemon.json': '{ "icc": true }\n',
    });
    expect(findings.filter((f) => f.rule === 'daemon/require-icc-disabled').map((f) => f.file)).toEqual(['host-b/daemon.json']);
  });

  it('recognises daemon.json by content, not any JSON', async () => {
    const bycontent = await scanText('{ "icc": true, "live-restore": false, "log-level": "warn" }\n', {
      filename: 'docker-config.json',
    });
    expect(bycontent.findings.some((f) => f.rule === 'daemon/require-icc-disabled')).toBe(true);
    const other = await scanText('{ "name": "app", "version": "1.0.0", "debug": true }\n', { filename: 'package.json' });
    expect(other.findings).toEqual([]);
  });
});
