import { describe, expect, it } from 'vitest';
import { container, pathsOf, runCheck } from '../../testing/pss.js';
import { hostPorts } from './host-ports.js';

describe('hostPorts', () => {
  it('lists containers and ports, each port at its field', () => {
    const failure = runCheck(hostPorts, {
      spec: {
        containers: [
          container('a', undefined, { ports: [{ containerPort: 80, hostPort: 8080 }, { containerPort: 81 }] }),
          container('b', undefined, {
            ports: [
              { containerPort: 443, hostPort: 443 },
              { containerPort: 53, hostPort: 0 },
            ],
          }),
        ],
      },
    });
    expect(failure?.reason).toBe('hostPort');
    expect(failure?.detail).toBe('containers "a", "b" use hostPorts 443, 8080');
    expect(pathsOf(failure)).toEqual(['spec.containers.0.ports.0.hostPort', 'spec.containers.1.ports.0.hostPort']);
  });

  it('uses the singular for one container and one port', () => {
    const failure = runCheck(
      hostPorts,
      { spec: { initContainers: [container('i', undefined, { ports: [{ hostPort: 53 }] })] } },
      0,
    );
    expect(failure?.detail).toBe('container "i" uses hostPort 53');
  });
});
