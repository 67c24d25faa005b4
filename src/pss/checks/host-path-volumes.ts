/** Baseline "HostPath Volumes": no volume may mount a path of the node. */
import { asArray, asObject } from '../../model/k8s.js';
import { isSet, plural, quoteList, str } from '../pod.js';
import type { Check, ViolationField } from '../types.js';

export const hostPathVolumes: Check = {
  id: 'hostPathVolumes',
  level: 'baseline',
  control: 'HostPath Volumes',
  versions: [
    {
      since: 0,
      evaluate(pod) {
        const fields: ViolationField[] = [];
        asArray(pod.spec.volumes).forEach((entry, index) => {
          const volume = asObject(entry);
          if (!volume || !isSet(volume.hostPath)) return;
          const name = str(volume.name) ?? '';
          fields.push({
            path: ['spec', 'volumes', index, 'hostPath'],
            subject: `volume "${name}"`,
            field: 'hostPath',
            value: str(asObject(volume.hostPath)?.path) ?? volume.hostPath,
          });
        });
        if (fields.length === 0) return undefined;
        const names = fields.map((f) => f.subject.slice('volume "'.length, -1));
        return {
          reason: 'hostPath volumes',
          detail: `${plural(names.length, 'volume', 'volumes')} ${quoteList(names)}`,
          fields,
        };
      },
    },
  ],
};
