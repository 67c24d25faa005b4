/**
 * "Capabilities". Baseline: containers may add only capabilities of the container runtimes' default
 * set. Restricted (v1.22+): containers must drop ALL and may add back only NET_BIND_SERVICE; from
 * v1.25 Windows pods (`spec.os.name: windows`) are exempt.
 */
import { asArray, asObject } from '../../model/k8s.js';
import { containersPhrase, quoteList, sortedUnique } from '../pod.js';
import type { Check, CheckFn, ViolationField } from '../types.js';

/** The capabilities a baseline container may add: those container runtimes grant by default. */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Capability names as the API types hold them (strings); other values are kept as written. */
function capabilityList(value: unknown): { index: number; name: string }[] {
  return asArray(value).map((entry, index) => ({ index, name: typeof entry === 'string' ? entry : String(entry) }));
}

/** Forbidden `capabilities.add` entries of every container, given what may be added. */
function forbiddenAdds(pod: Parameters<CheckFn>[0], allowed: (name: string) => boolean) {
  const fields: ViolationField[] = [];
  const containers: string[] = [];
  for (const c of pod.containers) {
    const capabilities = asObject(c.securityContext?.capabilities);
    let bad = false;
    for (const { index, name } of capabilityList(capabilities?.add)) {
      if (allowed(name)) continue;
      bad = true;
      fields.push({
        path: [...c.path, 'securityContext', 'capabilities', 'add', index],
        subject: c.subject,
        container: c.name,
        field: 'securityContext.capabilities.add',
        value: name,
      });
    }
    if (bad) containers.push(c.name);
  }
  return { fields, containers };
}

function addDetail(containers: readonly string[], fields: readonly ViolationField[]): string {
  return `${containersPhrase(containers)} must not include ${quoteList(sortedUnique(fields.map((f) => String(f.value))))} in securityContext.capabilities.add`;
}

export const capabilitiesBaseline: Check = {
  id: 'capabilities_baseline',
  level: 'baseline',
  control: 'Capabilities',
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const { fields, containers } = forbiddenAdds(pod, (name) => BASELINE_CAPABILITIES.has(name));
        if (fields.length === 0) return undefined;
        return { reason: 'non-default capabilities', detail: addDetail(containers, fields), fields };
      },
    },
  ],
};

const capabilitiesRestrictedV1_22: CheckFn = (pod) => {
  const missingDrop: ViolationField[] = [];
  for (const c of pod.containers) {
    const capabilities = asObject(c.securityContext?.capabilities);
    const drop = capabilityList(capabilities?.drop);
    if (drop.some((d) => d.name === 'ALL')) continue;
    missingDrop.push({
      path: [...c.path, 'securityContext', 'capabilities', 'drop'],
      subject: c.subject,
      container: c.name,
      field: 'securityContext.capabilities.drop',
      missing: true,
      ...(drop.length > 0 ? { value: drop.map((d) => d.name) } : {}),
    });
  }
  const adds = forbiddenAdds(pod, (name) => name === 'NET_BIND_SERVICE');
  if (missingDrop.length === 0 && adds.fields.length === 0) return undefined;
  const parts: string[] = [];
  if (missingDrop.length > 0) {
    parts.push(
      `${containersPhrase(missingDrop.map((f) => f.container ?? ''))} must set securityContext.capabilities.drop=["ALL"]`,
    );
  }
  if (adds.fields.length > 0) parts.push(addDetail(adds.containers, adds.fields));
  return { reason: 'unrestricted capabilities', detail: parts.join('; '), fields: [...missingDrop, ...adds.fields] };
};

export const capabilitiesRestricted: Check = {
  id: 'capabilities_restricted',
  level: 'restricted',
  control: 'Capabilities',
  versions: [
    { since: 22, evaluate: capabilitiesRestrictedV1_22, overrides: ['capabilities_baseline'] },
    {
      since: 25,
      evaluate: (pod) => (pod.isWindows ? undefined : capabilitiesRestrictedV1_22(pod)),
      overrides: ['capabilities_baseline'],
    },
  ],
};
