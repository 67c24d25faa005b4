import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { runAsNonRoot, runAsUser } from './run-as.js';

describe('runAsNonRoot', () => {
  it('requires true on the pod or on every container', () => {
    const failure = runCheck(runAsNonRoot, { spec: { containers: [container('a', { runAsNonRoot: true }), container('b')] } }, 0);
    expect(failure?.reason).toBe('runAsNonRoot != true');
    expect(failure?.detail).toBe('pod or container "b" must set securityContext.runAsNonRoot=true');
    expect(pathsOf(failure)).toEqual(['spec.containers.1.securityContext.runAsNonRoot']);
    expect(
      runCheck(runAsNonRoot, { spec: { securityContext: { runAsNonRoot: true }, containers: [container('b')] } }),
    ).toBeUndefined();
  });

  it('reports explicit false settings before missing ones', () => {
    const failure = runCheck(runAsNonRoot, {
      spec: { securityContext: { runAsNonRoot: false }, containers: [container('a', { runAsNonRoot: false }), container('b')] },
    });
    expect(failure?.detail).toBe('pod and container "a" must not set securityContext.runAsNonRoot=false');
    expect(pathsOf(failure)).toEqual(['spec.securityContext.runAsNonRoot', 'spec.containers.0.securityContext.runAsNonRoot']);
  });

  it('is relaxed for user-namespace pods from v1.35, and not for Windows pods', () => {
    const userns = { spec: { hostUsers: false, containers: [container('a')] } };
    expect(runCheck(runAsNonRoot, userns, 34)).toBeDefined();
    expect(runCheck(runAsNonRoot, userns, 35)).toBeUndefined();
    expect(runCheck(runAsNonRoot, { spec: { os: { name: 'windows' }, containers: [container('a')] } })).toBeDefined();
  });
});

describe('runAsUser', () => {
  const pod = {
    spec: {
      securityContext: { runAsUser: 0 },
      containers: [container('a', { runAsUser: 0 }), container('b', { runAsUser: 1000 })],
    },
  };

  it('starts at v1.23 and forbids UID 0 on the pod and containers', () => {
    expect(runCheck(runAsUser, pod, 22)).toBeUndefined();
    const failure = runCheck(runAsUser, pod, 23);
    expect(failure?.reason).toBe('runAsUser=0');
    expect(failure?.detail).toBe('pod and container "a" must not set runAsUser=0');
    expect(pathsOf(failure)).toEqual(['spec.securityContext.runAsUser', 'spec.containers.0.securityContext.runAsUser']);
  });

  it('is relaxed for user-namespace pods from v1.35', () => {
    const userns = { spec: { ...pod.spec, hostUsers: false } };
    expect(runCheck(runAsUser, userns, 34)).toBeDefined();
    expect(runCheck(runAsUser, userns, 35)).toBeUndefined();
  });
});
