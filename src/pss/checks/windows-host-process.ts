/** Baseline "HostProcess": Windows pods may not run HostProcess containers (pod or container level). */
import { asObject } from '../../model/k8s.js';
import { containersPhrase } from '../pod.js';
import type { Check, ViolationField } from '../types.js';

const hostProcessSet = (securityContext: unknown) => asObject(asObject(securityContext)?.windowsOptions)?.hostProcess === true;

export const windowsHostProcess: Check = {
  id: 'windowsHostProcess',
  level: 'baseline',
  control: 'HostProcess',
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const fields: ViolationField[] = [];
        const setters: string[] = [];
        if (hostProcessSet(pod.securityContext)) {
          setters.push('pod');
          fields.push({
            path: ['spec', 'securityContext', 'windowsOptions', 'hostProcess'],
            subject: 'pod',
            field: 'securityContext.windowsOptions.hostProcess',
            value: true,
          });
        }
        const containers: string[] = [];
        for (const c of pod.containers) {
          if (!hostProcessSet(c.securityContext)) continue;
          containers.push(c.name);
          fields.push({
            path: [...c.path, 'securityContext', 'windowsOptions', 'hostProcess'],
            subject: c.subject,
            container: c.name,
            field: 'securityContext.windowsOptions.hostProcess',
            value: true,
          });
        }
        if (containers.length > 0) setters.push(containersPhrase(containers));
        if (fields.length === 0) return undefined;
        return {
          reason: 'hostProcess',
          detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
          fields,
        };
      },
    },
  ],
};
