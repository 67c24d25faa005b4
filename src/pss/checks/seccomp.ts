/**
 * "Seccomp". Baseline: an explicitly set seccomp profile must be the runtime default or a localhost
 * profile (the alpha annotations up to policy v1.18, the `seccompProfile` fields from v1.19).
 * Restricted (v1.19+): every container must end up with such a profile, set on the pod or on the
 * container; from v1.25 Windows pods (`spec.os.name: windows`) are exempt.
 */
import { asObject, type JsonObject } from '../../model/k8s.js';
import type { PodView } from '../pod.js';
import { containersPhrase, plural, quoteList, sortedUnique, str } from '../pod.js';
import type { Check, CheckFailure, CheckFn, ViolationField } from '../types.js';

export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

const VALID_TYPES = new Set(['RuntimeDefault', 'Localhost']);

function validAnnotationValue(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

const seccompAnnotations: CheckFn = (pod) => {
  const fields: ViolationField[] = [];
  const podValue = pod.annotation(SECCOMP_POD_ANNOTATION);
  if (podValue !== undefined && !validAnnotationValue(podValue)) {
    fields.push({
      path: ['metadata', 'annotations', SECCOMP_POD_ANNOTATION],
      subject: 'pod',
      field: `metadata.annotations["${SECCOMP_POD_ANNOTATION}"]`,
      value: podValue,
    });
  }
  for (const c of pod.containers) {
    const key = SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name;
    const value = pod.annotation(key);
    if (value === undefined || validAnnotationValue(value)) continue;
    fields.push({
      path: ['metadata', 'annotations', key],
      subject: c.subject,
      container: c.name,
      field: `metadata.annotations["${key}"]`,
      value,
    });
  }
  if (fields.length === 0) return undefined;
  const shown = sortedUnique(fields.map((f) => `${f.path[2]}=${JSON.stringify(f.value)}`));
  return {
    reason: 'seccompProfile',
    detail: `forbidden ${plural(shown.length, 'annotation', 'annotations')} ${shown.join(', ')}`,
    fields,
  };
};

/** The seccomp profile type a security context sets: undefined when it sets none. */
function profileType(securityContext: JsonObject | undefined): string | undefined {
  const profile = securityContext?.seccompProfile;
  if (profile === undefined || profile === null) return undefined;
  return str(asObject(profile)?.type) ?? '';
}

interface SeccompFacts {
  /** Explicitly set invalid profiles (pod and containers). */
  explicit: ViolationField[];
  podBad: boolean;
  badContainers: string[];
  /** Containers that set none while the pod sets no valid one. */
  implicit: ViolationField[];
}

function seccompFacts(pod: PodView): SeccompFacts {
  const explicit: ViolationField[] = [];
  const implicit: ViolationField[] = [];
  const badContainers: string[] = [];
  const podType = profileType(pod.securityContext);
  const podBad = podType !== undefined && !VALID_TYPES.has(podType);
  const podValid = podType !== undefined && !podBad;
  if (podBad) {
    explicit.push({
      path: ['spec', 'securityContext', 'seccompProfile', 'type'],
      subject: 'pod',
      field: 'securityContext.seccompProfile.type',
      value: podType,
    });
  }
  for (const c of pod.containers) {
    const type = profileType(c.securityContext);
    if (type !== undefined) {
      if (VALID_TYPES.has(type)) continue;
      badContainers.push(c.name);
      explicit.push({
        path: [...c.path, 'securityContext', 'seccompProfile', 'type'],
        subject: c.subject,
        container: c.name,
        field: 'securityContext.seccompProfile.type',
        value: type,
      });
    } else if (!podValid) {
      implicit.push({
        path: [...c.path, 'securityContext', 'seccompProfile'],
        subject: c.subject,
        container: c.name,
        field: 'securityContext.seccompProfile.type',
        missing: true,
      });
    }
  }
  return { explicit, podBad, badContainers, implicit };
}

function explicitFailure(facts: SeccompFacts): CheckFailure | undefined {
  if (facts.explicit.length === 0) return undefined;
  const setters: string[] = [];
  if (facts.podBad) setters.push('pod');
  if (facts.badContainers.length > 0) setters.push(containersPhrase(facts.badContainers));
  const values = sortedUnique(facts.explicit.map((f) => String(f.value)));
  return {
    reason: 'seccompProfile',
    detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to ${quoteList(values)}`,
    fields: facts.explicit,
  };
}

const seccompFieldsBaseline: CheckFn = (pod) => explicitFailure(seccompFacts(pod));

const seccompRestrictedV1_19: CheckFn = (pod) => {
  const facts = seccompFacts(pod);
  const explicit = explicitFailure(facts);
  if (explicit) return explicit;
  if (facts.implicit.length === 0) return undefined;
  const names = facts.implicit.map((f) => f.container ?? '');
  return {
    reason: 'seccompProfile',
    detail: `pod or ${containersPhrase(names)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    fields: facts.implicit,
  };
};

export const seccompProfileBaseline: Check = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  control: 'Seccomp',
  versions: [
    { since: 0, evaluate: seccompAnnotations },
    { since: 19, evaluate: seccompFieldsBaseline },
  ],
};

export const seccompProfileRestricted: Check = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  control: 'Seccomp',
  versions: [
    { since: 19, evaluate: seccompRestrictedV1_19, overrides: ['seccompProfile_baseline'] },
    {
      since: 25,
      evaluate: (pod) => (pod.isWindows ? undefined : seccompRestrictedV1_19(pod)),
      overrides: ['seccompProfile_baseline'],
    },
  ],
};
