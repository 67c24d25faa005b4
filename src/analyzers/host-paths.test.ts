import { describe, expect, it } from 'vitest';
import { hostPathRisk } from './host-paths.js';

describe('hostPathRisk', () => {
  it.each([
    ['/var/run/docker.sock', false, 'critical', true],
    ['/var/run/docker.sock', true, 'critical', true],
    ['/run/containerd/containerd.sock', false, 'critical', true],
    ['/', false, 'critical', false],
    ['/etc', true, 'high', false],
    ['/etc/shadow', false, 'critical', false],
    ['/proc', false, 'critical', false],
    ['/proc/sys/kernel', true, 'low', false],
    ['/home/dev/.ssh', false, 'high', false],
    ['~/.aws', true, 'medium', false],
    ['/var/log', false, 'high', false],
    ['/var/lib/kubelet/pki', false, 'critical', false],
    ['/tmp/app.sock', false, 'high', true],
  ] as const)('%s (read-only %s)', (path, readOnly, severity, socket) => {
    const risk = hostPathRisk(path, readOnly);
    expect([risk?.severity, risk?.socket]).toEqual([severity, socket]);
  });

  it.each(['/etc/localtime', '/etc/ssl/certs', './data', 'data', '/srv/app/uploads', '/opt/app'])(
    '%s is not sensitive',
    (path) => {
      expect(hostPathRisk(path)).toBeUndefined();
    },
  );
});
