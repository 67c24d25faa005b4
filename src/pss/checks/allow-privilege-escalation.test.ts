import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { allowPrivilegeEscalation } from './allow-privilege-escalation.js';

const pod = (os?: string) => ({
  spec: {
    ...(os ? { os: { name: os } } : {}),
    containers: [
      container('a'),
      container('b', { allowPrivilegeEscalation: true }),
      container('c', { allowPrivilegeEscalation: false }),
    ],
  },
});

describe('allowPrivilegeEscalation', () => {
  it('starts at v1.8 and requires an explicit false', () => {
    expect(runCheck(allowPrivilegeEscalation, pod(), 7)).toBeUndefined();
    const failure = runCheck(allowPrivilegeEscalation, pod(), 8);
    expect(failure?.reason).toBe('allowPrivilegeEscalation != false');
    expect(failure?.detail).toBe('containers "a", "b" must set securityContext.allowPrivilegeEscalation=false');
    expect(pathsOf(failure)).toEqual([
      'spec.containers.0.securityContext.allowPrivilegeEscalation',
      'spec.containers.1.securityContext.allowPrivilegeEscalation',
    ]);
    expect(failure?.fields.map((f) => f.missing ?? false)).toEqual([true, false]);
  });

  it('exempts Windows pods from v1.25', () => {
    expect(runCheck(allowPrivilegeEscalation, pod('windows'), 24)).toBeDefined();
    expect(runCheck(allowPrivilegeEscalation, pod('windows'), 25)).toBeUndefined();
  });
});
