/**
 * Restricted "Running as Non-root" (v1.0+) and "Running as Non-root user" (v1.23+). From policy
 * v1.35 both are relaxed for pods in a user namespace (`hostUsers: false`), where root in the
 * container is not root on the node.
 */
import { containersPhrase, int } from '../pod.js';
import type { Check, CheckFn, ViolationField } from '../types.js';

const runAsNonRootV1_0: CheckFn = (pod) => {
  const explicit: ViolationField[] = [];
  const implicit: ViolationField[] = [];
  const podValue = pod.securityContext?.runAsNonRoot;
  const podSet = podValue !== undefined && podValue !== null;
  const podTrue = podValue === true;
  if (podSet && !podTrue) {
    explicit.push({
      path: ['spec', 'securityContext', 'runAsNonRoot'],
      subject: 'pod',
      field: 'securityContext.runAsNonRoot',
      value: podValue,
    });
  }
  const badContainers: string[] = [];
  for (const c of pod.containers) {
    const value = c.securityContext?.runAsNonRoot;
    if (value !== undefined && value !== null) {
      if (value === true) continue;
      badContainers.push(c.name);
      explicit.push({
        path: [...c.path, 'securityContext', 'runAsNonRoot'],
        subject: c.subject,
        container: c.name,
        field: 'securityContext.runAsNonRoot',
        value,
      });
    } else if (!podTrue) {
      implicit.push({
        path: [...c.path, 'securityContext', 'runAsNonRoot'],
        subject: c.subject,
        container: c.name,
        field: 'securityContext.runAsNonRoot',
        missing: true,
      });
    }
  }
  if (explicit.length > 0) {
    const setters: string[] = [];
    if (podSet && !podTrue) setters.push('pod');
    if (badContainers.length > 0) setters.push(containersPhrase(badContainers));
    return {
      reason: 'runAsNonRoot != true',
      detail: `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`,
      fields: explicit,
    };
  }
  if (implicit.length === 0) return undefined;
  return {
    reason: 'runAsNonRoot != true',
    detail: `pod or ${containersPhrase(implicit.map((f) => f.container ?? ''))} must set securityContext.runAsNonRoot=true`,
    fields: implicit,
  };
};

const runAsUserV1_23: CheckFn = (pod) => {
  const fields: ViolationField[] = [];
  const setters: string[] = [];
  if (int(pod.securityContext?.runAsUser) === 0) {
    setters.push('pod');
    fields.push({ path: ['spec', 'securityContext', 'runAsUser'], subject: 'pod', field: 'securityContext.runAsUser', value: 0 });
  }
  const containers: string[] = [];
  for (const c of pod.containers) {
    if (int(c.securityContext?.runAsUser) !== 0) continue;
    containers.push(c.name);
    fields.push({
      path: [...c.path, 'securityContext', 'runAsUser'],
      subject: c.subject,
      container: c.name,
      field: 'securityContext.runAsUser',
      value: 0,
    });
  }
  if (containers.length > 0) setters.push(containersPhrase(containers));
  if (fields.length === 0) return undefined;
  return { reason: 'runAsUser=0', detail: `${setters.join(' and ')} must not set runAsUser=0`, fields };
};

export const runAsNonRoot: Check = {
  id: 'runAsNonRoot',
  level: 'restricted',
  control: 'Running as Non-root',
  versions: [
    { since: 0, evaluate: runAsNonRootV1_0 },
    { since: 35, evaluate: (pod) => (pod.usesUserNamespace ? undefined : runAsNonRootV1_0(pod)) },
  ],
};

export const runAsUser: Check = {
  id: 'runAsUser',
  level: 'restricted',
  control: 'Running as Non-root user',
  versions: [
    { since: 23, evaluate: runAsUserV1_23 },
    { since: 35, evaluate: (pod) => (pod.usesUserNamespace ? undefined : runAsUserV1_23(pod)) },
  ],
};
