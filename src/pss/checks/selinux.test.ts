import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { seLinuxOptions } from './selinux.js';

describe('seLinuxOptions', () => {
  it('forbids other types and any user or role, naming pod and containers', () => {
    const failure = runCheck(seLinuxOptions, {
      spec: {
        securityContext: { seLinuxOptions: { type: 'spc_t', level: 's0' } },
        containers: [container('a', { seLinuxOptions: { user: 'u', role: 'r', type: 'container_t' } })],
      },
    });
    expect(failure?.reason).toBe('seLinuxOptions');
    expect(failure?.detail).toBe(
      'pod and container "a" set forbidden securityContext.seLinuxOptions: type "spc_t"; user may not be set; role may not be set',
    );
    expect(pathsOf(failure)).toEqual([
      'spec.securityContext.seLinuxOptions.type',
      'spec.containers.0.securityContext.seLinuxOptions.user',
      'spec.containers.0.securityContext.seLinuxOptions.role',
    ]);
  });

  it('allows container_engine_t from v1.31 only', () => {
    const pod = { spec: { containers: [container('a', { seLinuxOptions: { type: 'container_engine_t' } })] } };
    expect(runCheck(seLinuxOptions, pod, 30)?.detail).toBe(
      'container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t"',
    );
    expect(runCheck(seLinuxOptions, pod, 31)).toBeUndefined();
  });

  it('allows the container types and any level', () => {
    for (const type of ['', 'container_t', 'container_init_t', 'container_kvm_t']) {
      expect(
        runCheck(seLinuxOptions, { spec: { containers: [container('a', { seLinuxOptions: { type, level: 's0:c1' } })] } }, 0),
      ).toBeUndefined();
    }
  });
});
