/** Baseline "Host Ports": no container port may be bound on the node (`hostPort` other than 0). */
import { asArray, asObject } from '../../model/k8s.js';
import { containersPhrase, int, plural, sortedUnique } from '../pod.js';
import type { Check, ViolationField } from '../types.js';

export const hostPorts: Check = {
  id: 'hostPorts',
  level: 'baseline',
  control: 'Host Ports',
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const fields: ViolationField[] = [];
        const containers: string[] = [];
        for (const c of pod.containers) {
          let bad = false;
          asArray(c.value.ports).forEach((entry, index) => {
            const hostPort = int(asObject(entry)?.hostPort);
            if (hostPort === undefined || hostPort === 0) return;
            bad = true;
            fields.push({
              path: [...c.path, 'ports', index, 'hostPort'],
              subject: c.subject,
              container: c.name,
              field: 'ports[].hostPort',
              value: hostPort,
            });
          });
          if (bad) containers.push(c.name);
        }
        if (fields.length === 0) return undefined;
        const ports = sortedUnique(fields.map((f) => String(f.value)));
        return {
          reason: 'hostPort',
          detail: `${containersPhrase(containers)} ${plural(containers.length, 'uses', 'use')} ${plural(ports.length, 'hostPort', 'hostPorts')} ${ports.join(', ')}`,
          fields,
        };
      },
    },
  ],
};
