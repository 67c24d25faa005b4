/**
 * Restricted "Privilege Escalation" (v1.8+): every container must set
 * `allowPrivilegeEscalation: false` (unset means allowed). From v1.25 Windows pods are exempt.
 */
import { containersPhrase } from '../pod.js';
import type { Check, CheckFn, ViolationField } from '../types.js';

const allowPrivilegeEscalationV1_8: CheckFn = (pod) => {
  const fields: ViolationField[] = [];
  for (const c of pod.containers) {
    const value = c.securityContext?.allowPrivilegeEscalation;
    if (value === false) continue;
    const set = value !== undefined && value !== null;
    fields.push({
      path: [...c.path, 'securityContext', 'allowPrivilegeEscalation'],
      subject: c.subject,
      container: c.name,
      field: 'securityContext.allowPrivilegeEscalation',
      ...(set ? { value } : { missing: true }),
    });
  }
  if (fields.length === 0) return undefined;
  return {
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containersPhrase(fields.map((f) => f.container ?? ''))} must set securityContext.allowPrivilegeEscalation=false`,
    fields,
  };
};

export const allowPrivilegeEscalation: Check = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  control: 'Privilege Escalation',
  versions: [
    { since: 8, evaluate: allowPrivilegeEscalationV1_8 },
    { since: 25, evaluate: (pod) => (pod.isWindows ? undefined : allowPrivilegeEscalationV1_8(pod)) },
  ],
};
