import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { hostProbesAndHostLifecycle } from './host-probes.js';

const pod = {
  spec: {
    containers: [
      container('b', undefined, {
        livenessProbe: { httpGet: { host: 'x.example', port: 80 } },
        lifecycle: { postStart: { tcpSocket: { host: '127.0.0.1', port: 1 } }, preStop: { exec: { command: ['true'] } } },
      }),
      container('a', undefined, {
        readinessProbe: { tcpSocket: { host: '', port: 80 } },
        startupProbe: { httpGet: { port: 80 } },
      }),
    ],
    initContainers: [container('c', undefined, { startupProbe: { tcpSocket: { host: 'x.example', port: 80 } } })],
  },
};

describe('hostProbesAndHostLifecycle', () => {
  it('does not exist before policy v1.34', () => {
    expect(runCheck(hostProbesAndHostLifecycle, pod, 33)).toBeUndefined();
  });

  it('from v1.34 forbids a host in probes and lifecycle handlers, sorted and distinct in the detail', () => {
    const failure = runCheck(hostProbesAndHostLifecycle, pod, 34);
    expect(failure?.reason).toBe('probe or lifecycle host');
    expect(failure?.detail).toBe('containers "b", "c" use probe or lifecycle hosts "127.0.0.1", "x.example"');
    expect(pathsOf(failure)).toEqual([
      'spec.initContainers.0.startupProbe.tcpSocket.host',
      'spec.containers.0.livenessProbe.httpGet.host',
      'spec.containers.0.lifecycle.postStart.tcpSocket.host',
    ]);
  });
});
