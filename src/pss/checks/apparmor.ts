/**
 * Baseline "AppArmor": neither the AppArmor profile fields (pod and containers) nor the beta
 * annotations may disable AppArmor or pick a profile other than the runtime default or a
 * localhost one.
 */
import { asObject } from '../../model/k8s.js';
import { containersPhrase, plural, quoteList, sortedUnique, str } from '../pod.js';
import type { Check, ViolationField } from '../types.js';

export const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

const ALLOWED_TYPES = new Set(['RuntimeDefault', 'Localhost']);

/** Allowed annotation values: unset/empty, `runtime/default`, `localhost/<profile>`. */
export function allowedAppArmorAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

export const appArmorProfile: Check = {
  id: 'appArmorProfile',
  level: 'baseline',
  control: 'AppArmor',
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const fields: ViolationField[] = [];
        const setters: string[] = [];
        const badValues: string[] = [];
        const profileType = (securityContext: unknown): string | undefined => {
          const profile = asObject(securityContext)?.appArmorProfile;
          if (profile === undefined || profile === null) return undefined;
          const type = str(asObject(profile)?.type) ?? '';
          return ALLOWED_TYPES.has(type) ? undefined : type;
        };
        const podType = profileType(pod.securityContext);
        if (podType !== undefined) {
          setters.push('pod');
          badValues.push(podType);
          fields.push({
            path: ['spec', 'securityContext', 'appArmorProfile', 'type'],
            subject: 'pod',
            field: 'securityContext.appArmorProfile.type',
            value: podType,
          });
        }
        const containers: string[] = [];
        for (const c of pod.containers) {
          const type = profileType(c.securityContext);
          if (type === undefined) continue;
          containers.push(c.name);
          badValues.push(type);
          fields.push({
            path: [...c.path, 'securityContext', 'appArmorProfile', 'type'],
            subject: c.subject,
            container: c.name,
            field: 'securityContext.appArmorProfile.type',
            value: type,
          });
        }
        if (containers.length > 0) setters.push(containersPhrase(containers));
        const annotations: string[] = [];
        for (const [key, value] of pod.annotations) {
          if (!key.startsWith(APPARMOR_ANNOTATION_PREFIX) || allowedAppArmorAnnotation(value)) continue;
          annotations.push(`${key}=${JSON.stringify(value)}`);
          const container = key.slice(APPARMOR_ANNOTATION_PREFIX.length);
          fields.push({
            path: ['metadata', 'annotations', key],
            subject: `annotation "${key}"`,
            container,
            field: `metadata.annotations["${key}"]`,
            value,
          });
        }
        if (fields.length === 0) return undefined;
        annotations.sort();
        const parts: string[] = [];
        if (setters.length > 0) {
          parts.push(
            `${setters.join(' and ')} must not set securityContext.appArmorProfile.type to ${quoteList(sortedUnique(badValues))}`,
          );
        }
        if (annotations.length > 0) {
          parts.push(`forbidden ${plural(annotations.length, 'annotation', 'annotations')} ${annotations.join(', ')}`);
        }
        const count = sortedUnique(badValues).length + annotations.length;
        return {
          reason: plural(count, 'forbidden AppArmor profile', 'forbidden AppArmor profiles'),
          detail: parts.join('; '),
          fields,
        };
      },
    },
  ],
};
