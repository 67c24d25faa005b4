import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { procMount, procMountRestricted } from './proc-mount.js';

const pod = (hostUsers?: boolean) => ({
  spec: {
    ...(hostUsers !== undefined ? { hostUsers } : {}),
    containers: [container('a', { procMount: 'Unmasked' }), container('b', { procMount: 'Default' })],
  },
});

describe('procMount', () => {
  it('forbids anything but Default', () => {
    const failure = runCheck(procMount, pod(), 0);
    expect(failure?.reason).toBe('procMount');
    expect(failure?.detail).toBe('container "a" must not set securityContext.procMount to "Unmasked"');
    expect(pathsOf(failure)).toEqual(['spec.containers.0.securityContext.procMount']);
  });

  it('allows it in a user namespace from v1.35, not before', () => {
    expect(runCheck(procMount, pod(false), 34)).toBeDefined();
    expect(runCheck(procMount, pod(false), 35)).toBeUndefined();
    expect(runCheck(procMount, pod(true), 35)).toBeDefined();
    expect(runCheck(procMount, pod(), 35)).toBeDefined();
  });
});

describe('procMount_restricted', () => {
  it('starts at v1.35, forbids it even in a user namespace and replaces procMount', () => {
    expect(runCheck(procMountRestricted, pod(false), 34)).toBeUndefined();
    expect(runCheck(procMountRestricted, pod(false), 35)?.detail).toBe(
      'container "a" must not set securityContext.procMount to "Unmasked"',
    );
    expect(procMountRestricted.versions[0]?.overrides).toEqual(['procMount']);
  });
});
