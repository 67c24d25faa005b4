import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { capabilitiesBaseline, capabilitiesRestricted } from './capabilities.js';

describe('capabilities_baseline', () => {
  it('forbids additions outside the default set, compared exactly', () => {
    const failure = runCheck(
      capabilitiesBaseline,
      {
        spec: {
          containers: [
            container('a', { capabilities: { add: ['CHOWN', 'SYS_ADMIN', 'chown'] } }),
            container('b', { capabilities: { add: ['CAP_KILL', 'KILL'], drop: ['ALL'] } }),
          ],
        },
      },
      0,
    );
    expect(failure?.reason).toBe('non-default capabilities');
    expect(failure?.detail).toBe(
      'containers "a", "b" must not include "CAP_KILL", "SYS_ADMIN", "chown" in securityContext.capabilities.add',
    );
    expect(pathsOf(failure)).toEqual([
      'spec.containers.0.securityContext.capabilities.add.1',
      'spec.containers.0.securityContext.capabilities.add.2',
      'spec.containers.1.securityContext.capabilities.add.0',
    ]);
  });
});

describe('capabilities_restricted', () => {
  const pod = (os?: string) => ({
    spec: {
      ...(os ? { os: { name: os } } : {}),
      containers: [
        container('a'),
        container('b', { capabilities: { drop: ['NET_RAW'] } }),
        container('c', { capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE', 'CHOWN'] } }),
      ],
    },
  });

  it('does not exist before v1.22', () => {
    expect(runCheck(capabilitiesRestricted, pod(), 21)).toBeUndefined();
  });

  it('requires drop ALL and allows adding only NET_BIND_SERVICE', () => {
    const failure = runCheck(capabilitiesRestricted, pod(), 22);
    expect(failure?.reason).toBe('unrestricted capabilities');
    expect(failure?.detail).toBe(
      'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; container "c" must not include "CHOWN" in securityContext.capabilities.add',
    );
    expect(pathsOf(failure)).toEqual([
      'spec.containers.0.securityContext.capabilities.drop',
      'spec.containers.1.securityContext.capabilities.drop',
      'spec.containers.2.securityContext.capabilities.add.1',
    ]);
  });

  it('exempts Windows pods from v1.25, not before', () => {
    expect(runCheck(capabilitiesRestricted, pod('windows'), 24)).toBeDefined();
    expect(runCheck(capabilitiesRestricted, pod('windows'), 25)).toBeUndefined();
    expect(runCheck(capabilitiesRestricted, pod('linux'), 25)).toBeDefined();
  });

  it('replaces capabilities_baseline at the restricted level', () => {
    expect(capabilitiesRestricted.versions.map((v) => v.overrides)).toEqual([
      ['capabilities_baseline'],
      ['capabilities_baseline'],
    ]);
  });
});
