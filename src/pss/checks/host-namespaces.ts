/** Baseline "Host Namespaces": the pod must not share the node's network, PID or IPC namespace. */
import type { Check, ViolationField } from '../types.js';

const NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const hostNamespaces: Check = {
  id: 'hostNamespaces',
  level: 'baseline',
  control: 'Host Namespaces',
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const fields: ViolationField[] = [];
        for (const name of NAMESPACE_FIELDS) {
          if (pod.spec[name] !== true) continue;
          fields.push({ path: ['spec', name], subject: 'pod', field: name, value: true });
        }
        if (fields.length === 0) return undefined;
        return {
          reason: 'host namespaces',
          detail: fields.map((f) => `${f.field}=true`).join(', '),
          fields,
        };
      },
    },
  ],
};
