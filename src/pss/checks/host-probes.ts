/**
 * Baseline "Host Probes / Lifecycle Hooks" (policy v1.34+): probes and lifecycle handlers must not
 * name a `host`, which would let the kubelet connect to an address of the pod's choosing.
 */
import { asObject } from '../../model/k8s.js';
import { plural, quoteList, sortedUnique, str } from '../pod.js';
import type { Check, ViolationField } from '../types.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export const hostProbesAndHostLifecycle: Check = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  control: 'Host Probes / Lifecycle Hooks',
  versions: [
    {
      since: 34,
      evaluate(pod) {
        const fields: ViolationField[] = [];
        for (const c of pod.containers) {
          const visit = (handler: unknown, at: readonly string[]) => {
            const object = asObject(handler);
            if (!object) return;
            for (const kind of HANDLERS) {
              const host = str(asObject(object[kind])?.host);
              if (host === undefined || host === '') continue;
              fields.push({
                path: [...c.path, ...at, kind, 'host'],
                subject: c.subject,
                container: c.name,
                field: [...at, kind, 'host'].join('.'),
                value: host,
              });
            }
          };
          for (const probe of PROBES) visit(c.value[probe], [probe]);
          const lifecycle = asObject(c.value.lifecycle);
          if (lifecycle) for (const hook of HOOKS) visit(lifecycle[hook], ['lifecycle', hook]);
        }
        if (fields.length === 0) return undefined;
        const containers = sortedUnique(fields.map((f) => f.container ?? ''));
        const hosts = sortedUnique(fields.map((f) => String(f.value)));
        return {
          reason: 'probe or lifecycle host',
          detail: `${plural(containers.length, 'container', 'containers')} ${quoteList(containers)} ${plural(containers.length, 'uses', 'use')} ${plural(hosts.length, 'probe or lifecycle host', 'probe or lifecycle hosts')} ${quoteList(hosts)}`,
          fields,
        };
      },
    },
  ],
};
