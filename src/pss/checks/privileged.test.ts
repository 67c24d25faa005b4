import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { hostNamespaces } from './host-namespaces.js';
import { privileged } from './privileged.js';

describe('privileged', () => {
  it('forbids privileged: true in every kind of container, naming them in visiting order', () => {
    const failure = runCheck(privileged, {
      spec: {
        containers: [container('a', { privileged: true }), container('b', { privileged: false })],
        initContainers: [container('i', { privileged: true })],
        ephemeralContainers: [container('e', { privileged: true })],
      },
    });
    expect(failure?.reason).toBe('privileged');
    expect(failure?.detail).toBe('containers "i", "a", "e" must not set securityContext.privileged=true');
    expect(pathsOf(failure)).toEqual([
      'spec.initContainers.0.securityContext.privileged',
      'spec.containers.0.securityContext.privileged',
      'spec.ephemeralContainers.0.securityContext.privileged',
    ]);
  });

  it('allows false, unset and values of the wrong type', () => {
    for (const securityContext of [{ privileged: false }, {}, { privileged: 'true' }, undefined]) {
      expect(runCheck(privileged, { spec: { containers: [container('a', securityContext)] } })).toBeUndefined();
    }
  });

  it('applies from v1.0', () => {
    expect(runCheck(privileged, { spec: { containers: [container('a', { privileged: true })] } }, 0)?.detail).toBe(
      'container "a" must not set securityContext.privileged=true',
    );
  });
});

describe('hostNamespaces', () => {
  it('lists each shared namespace at its field', () => {
    const failure = runCheck(hostNamespaces, { spec: { hostNetwork: true, hostPID: false, hostIPC: true, containers: [] } }, 0);
    expect(failure?.reason).toBe('host namespaces');
    expect(failure?.detail).toBe('hostNetwork=true, hostIPC=true');
    expect(pathsOf(failure)).toEqual(['spec.hostNetwork', 'spec.hostIPC']);
  });

  it('allows false and unset', () => {
    expect(runCheck(hostNamespaces, { spec: { hostNetwork: false } })).toBeUndefined();
    expect(runCheck(hostNamespaces, {})).toBeUndefined();
  });
});
