/**
 * Restricted "Volume Types": inline volumes may only be of the core, pod-scoped kinds; everything
 * else (hostPath and the in-tree network and cloud volume plugins) must go through a
 * PersistentVolumeClaim. A volume that names no source is defaulted to emptyDir by the API server.
 */
import { asArray, asObject } from '../../model/k8s.js';
import { plural, quoteList, sortedUnique, str } from '../pod.js';
import type { Check, ViolationField } from '../types.js';

/** Volume sources the restricted level allows (image volumes since Kubernetes allowed them in 1.33). */
export const ALLOWED_VOLUME_TYPES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** The other volume sources of the core API. */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

export const restrictedVolumes: Check = {
  id: 'restrictedVolumes',
  level: 'restricted',
  control: 'Volume Types',
  versions: [
    {
      since: 0,
      overrides: ['hostPathVolumes'],
      evaluate(pod) {
        const fields: ViolationField[] = [];
        asArray(pod.spec.volumes).forEach((entry, index) => {
          const volume = asObject(entry);
          if (!volume) return;
          const set = (key: string) => volume[key] !== undefined && volume[key] !== null;
          if ([...ALLOWED_VOLUME_TYPES].some(set)) return;
          const type = RESTRICTED_VOLUME_TYPES.find(set);
          // Keys the API does not know are dropped on decoding, and a volume left without a
          // source is defaulted to emptyDir: allowed.
          if (type === undefined) return;
          const name = str(volume.name) ?? '';
          fields.push({
            path: ['spec', 'volumes', index, type],
            subject: `volume "${name}"`,
            field: `volumes[].${type}`,
            value: type,
          });
        });
        if (fields.length === 0) return undefined;
        const names = fields.map((f) => f.subject.slice('volume "'.length, -1));
        const types = sortedUnique(fields.map((f) => String(f.value)));
        return {
          reason: 'restricted volume types',
          detail: `${plural(names.length, 'volume', 'volumes')} ${quoteList(names)} ${plural(names.length, 'uses', 'use')} ${plural(types.length, 'restricted volume type', 'restricted volume types')} ${quoteList(types)}`,
          fields,
        };
      },
    },
  ],
};
