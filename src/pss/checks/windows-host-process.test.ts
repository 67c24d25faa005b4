import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { windowsHostProcess } from './windows-host-process.js';

describe('windowsHostProcess', () => {
  it('forbids hostProcess on the pod and on containers', () => {
    const failure = runCheck(
      windowsHostProcess,
      {
        spec: {
          securityContext: { windowsOptions: { hostProcess: true } },
          containers: [
            container('a', { windowsOptions: { hostProcess: true } }),
            container('b', { windowsOptions: { hostProcess: false } }),
          ],
        },
      },
      0,
    );
    expect(failure?.reason).toBe('hostProcess');
    expect(failure?.detail).toBe('pod and container "a" must not set securityContext.windowsOptions.hostProcess=true');
    expect(pathsOf(failure)).toEqual([
      'spec.securityContext.windowsOptions.hostProcess',
      'spec.containers.0.securityContext.windowsOptions.hostProcess',
    ]);
  });

  it('allows Windows pods that are not host processes', () => {
    expect(
      runCheck(windowsHostProcess, {
        spec: { os: { name: 'windows' }, containers: [container('a', { windowsOptions: { runAsUserName: 'u' } })] },
      }),
    ).toBeUndefined();
  });
});
