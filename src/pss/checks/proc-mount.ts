/**
 * "/proc Mount Type": containers must keep the default masked /proc. From policy v1.35 the baseline
 * check lets pods in a user namespace (`hostUsers: false`) unmask it, and the restricted level adds
 * `procMount_restricted`, which never does.
 */
import { containersPhrase, quoteList, sortedUnique, str } from '../pod.js';
import type { Check, CheckFn, ViolationField } from '../types.js';

const strictProcMount: CheckFn = (pod) => {
  const fields: ViolationField[] = [];
  for (const c of pod.containers) {
    const value = c.securityContext?.procMount;
    if (value === undefined || value === null) continue;
    const procMount = str(value) ?? String(value);
    if (procMount === 'Default') continue;
    fields.push({
      path: [...c.path, 'securityContext', 'procMount'],
      subject: c.subject,
      container: c.name,
      field: 'securityContext.procMount',
      value: procMount,
    });
  }
  if (fields.length === 0) return undefined;
  const names = fields.map((f) => f.container ?? '');
  return {
    reason: 'procMount',
    detail: `${containersPhrase(names)} must not set securityContext.procMount to ${quoteList(sortedUnique(fields.map((f) => String(f.value))))}`,
    fields,
  };
};

export const procMount: Check = {
  id: 'procMount',
  level: 'baseline',
  control: '/proc Mount Type',
  versions: [
    { since: 0, evaluate: strictProcMount },
    { since: 35, evaluate: (pod) => (pod.usesUserNamespace ? undefined : strictProcMount(pod)) },
  ],
};

export const procMountRestricted: Check = {
  id: 'procMount_restricted',
  level: 'restricted',
  control: '/proc Mount Type',
  versions: [{ since: 35, evaluate: strictProcMount, overrides: ['procMount'] }],
};
