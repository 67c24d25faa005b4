import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { appArmorProfile } from './apparmor.js';

describe('appArmorProfile', () => {
  it('forbids profile types other than RuntimeDefault and Localhost, on the pod and on containers', () => {
    const failure = runCheck(appArmorProfile, {
      spec: {
        securityContext: { appArmorProfile: { type: 'Unconfined' } },
        containers: [container('a', { appArmorProfile: { type: 'RuntimeDefault' } }), container('b', { appArmorProfile: {} })],
      },
    });
    expect(failure?.reason).toBe('forbidden AppArmor profiles');
    expect(failure?.detail).toBe('pod and container "b" must not set securityContext.appArmorProfile.type to "", "Unconfined"');
    expect(pathsOf(failure)).toEqual([
      'spec.securityContext.appArmorProfile.type',
      'spec.containers.1.securityContext.appArmorProfile.type',
    ]);
  });

  it('checks the beta annotations of any container name, at every version', () => {
    const pod = {
      metadata: {
        annotations: {
          'container.apparmor.security.beta.kubernetes.io/a': 'unconfined',
          'container.apparmor.security.beta.kubernetes.io/b': 'localhost/p',
          'container.apparmor.security.beta.kubernetes.io/c': 'runtime/default',
          'container.apparmor.security.beta.kubernetes.io/d': '',
        },
      },
      spec: { containers: [container('a')] },
    };
    const failure = runCheck(appArmorProfile, pod, 0);
    expect(failure?.reason).toBe('forbidden AppArmor profile');
    expect(failure?.detail).toBe('forbidden annotation container.apparmor.security.beta.kubernetes.io/a="unconfined"');
    expect(failure?.fields[0]?.path).toEqual(['metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/a']);
  });

  it('allows Localhost and unset profiles', () => {
    const pod = {
      spec: { containers: [container('a', { appArmorProfile: { type: 'Localhost', localhostProfile: 'p' } }), container('b')] },
    };
    expect(runCheck(appArmorProfile, pod)).toBeUndefined();
  });
});
