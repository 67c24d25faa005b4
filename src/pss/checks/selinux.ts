/**
 * Baseline "SELinux": the SELinux type may only be one of the container types, and the SELinux user
 * and role may not be set (pod and containers). Policy v1.31 adds `container_engine_t`.
 */
import { asObject, type JsonObject } from '../../model/k8s.js';
import type { Path } from '../../sources/yaml.js';
import { containersPhrase, plural, quoteList, sortedUnique, str } from '../pod.js';
import type { Check, CheckFn, ViolationField } from '../types.js';

const TYPES_V1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const TYPES_V1_31 = new Set([...TYPES_V1_0, 'container_engine_t']);

function seLinuxCheck(allowedTypes: ReadonlySet<string>): CheckFn {
  return (pod) => {
    const fields: ViolationField[] = [];
    const badTypes: string[] = [];
    let userSet = false;
    let roleSet = false;
    /** Records the offending options of one security context; true when there were any. */
    const inspect = (options: JsonObject, at: Path, subject: string, container: string | undefined): boolean => {
      const before = fields.length;
      const push = (key: string, value: string) =>
        fields.push({
          path: [...at, 'seLinuxOptions', key],
          subject,
          ...(container !== undefined ? { container } : {}),
          field: `securityContext.seLinuxOptions.${key}`,
          value,
        });
      const type = str(options.type) ?? '';
      if (!allowedTypes.has(type)) {
        badTypes.push(type);
        push('type', type);
      }
      const user = str(options.user) ?? '';
      if (user !== '') {
        userSet = true;
        push('user', user);
      }
      const role = str(options.role) ?? '';
      if (role !== '') {
        roleSet = true;
        push('role', role);
      }
      return fields.length > before;
    };
    const setters: string[] = [];
    const podOptions = asObject(pod.securityContext?.seLinuxOptions);
    if (podOptions && inspect(podOptions, ['spec', 'securityContext'], 'pod', undefined)) setters.push('pod');
    const containers: string[] = [];
    for (const c of pod.containers) {
      const options = asObject(c.securityContext?.seLinuxOptions);
      if (options && inspect(options, [...c.path, 'securityContext'], c.subject, c.name)) containers.push(c.name);
    }
    if (containers.length > 0) setters.push(containersPhrase(containers));
    if (setters.length === 0) return undefined;
    const problems: string[] = [];
    const types = sortedUnique(badTypes);
    if (types.length > 0) problems.push(`${plural(types.length, 'type', 'types')} ${quoteList(types)}`);
    if (userSet) problems.push('user may not be set');
    if (roleSet) problems.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions: ${problems.join('; ')}`,
      fields,
    };
  };
}

export const seLinuxOptions: Check = {
  id: 'seLinuxOptions',
  level: 'baseline',
  control: 'SELinux',
  versions: [
    { since: 0, evaluate: seLinuxCheck(TYPES_V1_0) },
    { since: 31, evaluate: seLinuxCheck(TYPES_V1_31) },
  ],
};
