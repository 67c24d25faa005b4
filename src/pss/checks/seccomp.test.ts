import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { seccompProfileBaseline, seccompProfileRestricted } from './seccomp.js';

describe('seccompProfile_baseline', () => {
  const annotated = {
    metadata: {
      annotations: {
        'seccomp.security.alpha.kubernetes.io/pod': 'unconfined',
        'container.seccomp.security.alpha.kubernetes.io/a': 'docker/default',
        'container.seccomp.security.alpha.kubernetes.io/b': '',
        'container.seccomp.security.alpha.kubernetes.io/other': 'unconfined',
      },
    },
    spec: { containers: [container('a'), container('b', { seccompProfile: { type: 'Unconfined' } })] },
  };

  it('up to v1.18 checks the alpha annotations of the pod and of its containers only', () => {
    const failure = runCheck(seccompProfileBaseline, annotated, 18);
    expect(failure?.reason).toBe('seccompProfile');
    expect(failure?.detail).toBe(
      'forbidden annotations container.seccomp.security.alpha.kubernetes.io/b="", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    );
    expect(pathsOf(failure)).toEqual([
      'metadata.annotations.seccomp.security.alpha.kubernetes.io/pod',
      'metadata.annotations.container.seccomp.security.alpha.kubernetes.io/b',
    ]);
  });

  it('from v1.19 checks the fields instead', () => {
    const failure = runCheck(seccompProfileBaseline, annotated, 19);
    expect(failure?.detail).toBe('container "b" must not set securityContext.seccompProfile.type to "Unconfined"');
    expect(pathsOf(failure)).toEqual(['spec.containers.1.securityContext.seccompProfile.type']);
  });

  it('allows an unset profile', () => {
    expect(runCheck(seccompProfileBaseline, { spec: { containers: [container('a')] } })).toBeUndefined();
  });
});

describe('seccompProfile_restricted', () => {
  it('does not exist before v1.19', () => {
    expect(runCheck(seccompProfileRestricted, { spec: { containers: [container('a')] } }, 18)).toBeUndefined();
  });

  it('requires a valid profile on the pod or on every container, pointing where it belongs', () => {
    const failure = runCheck(seccompProfileRestricted, {
      spec: {
        containers: [container('a'), container('b', { seccompProfile: { type: 'RuntimeDefault' } })],
        initContainers: [container('i')],
      },
    });
    expect(failure?.detail).toBe(
      'pod or containers "i", "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
    );
    expect(pathsOf(failure)).toEqual([
      'spec.initContainers.0.securityContext.seccompProfile',
      'spec.containers.0.securityContext.seccompProfile',
    ]);
  });

  it('reports explicit bad values first', () => {
    const failure = runCheck(seccompProfileRestricted, {
      spec: {
        securityContext: { seccompProfile: { type: 'Unconfined' } },
        containers: [container('a'), container('b', { seccompProfile: {} })],
      },
    });
    expect(failure?.detail).toBe('pod and container "b" must not set securityContext.seccompProfile.type to "", "Unconfined"');
  });

  it('exempts Windows pods from v1.25', () => {
    const windows = { spec: { os: { name: 'windows' }, containers: [container('a')] } };
    expect(runCheck(seccompProfileRestricted, windows, 24)).toBeDefined();
    expect(runCheck(seccompProfileRestricted, windows, 25)).toBeUndefined();
    expect(
      runCheck(seccompProfileRestricted, { spec: { os: { name: 'linux' }, containers: [container('a')] } }, 25),
    ).toBeDefined();
  });
});
