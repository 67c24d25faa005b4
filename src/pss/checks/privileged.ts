/** Baseline "Privileged Containers": no container may set `securityContext.privileged: true`. */
import { containersPhrase } from '../pod.js';
import type { Check, ViolationField } from '../types.js';

export const privileged: Check = {
  id: 'privileged',
  level: 'baseline',
  control: 'Privileged Containers',
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const fields: ViolationField[] = [];
        for (const c of pod.containers) {
          if (c.securityContext?.privileged !== true) continue;
          fields.push({
            path: [...c.path, 'securityContext', 'privileged'],
            subject: c.subject,
            container: c.name,
            field: 'securityContext.privileged',
            value: true,
          });
        }
        if (fields.length === 0) return undefined;
        const names = fields.map((f) => f.container ?? '');
        return {
          reason: 'privileged',
          detail: `${containersPhrase(names)} must not set securityContext.privileged=true`,
          fields,
        };
      },
    },
  ],
};
