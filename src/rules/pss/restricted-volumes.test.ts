import { describe } from 'vitest';
import { testRule } from '../../testing/index.js';
import { atLevel } from '../../testing/pss.js';
import rule from './restricted-volumes.js';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  volumes:
${volumes}`;

describe('pss/restricted-volumes', () => {
  testRule(rule, {
    valid: [
      {
        name: 'every allowed type',
        code: pod(`    - { name: a, configMap: { name: c } }
    - { name: b, secret: { secretName: s } }
    - { name: c, emptyDir: {} }
    - { name: d, persistentVolumeClaim: { claimName: p } }
    - { name: e, downwardAPI: { items: [] } }
    - { name: f, projected: { sources: [] } }
    - { name: g, csi: { driver: example.csi } }
    - { name: h, ephemeral: { volumeClaimTemplate: { spec: {} } } }
    - { name: i, image: { reference: example/data:1.0 } }
`),
      },
      { name: 'a volume without a source is defaulted to emptyDir', code: pod('    - name: scratch\n') },
      {
        name: 'off at the baseline level',
        code: pod('    - { name: n, nfs: { server: s, path: / } }\n'),
        settings: atLevel('baseline'),
      },
    ],
    invalid: [
      {
        name: 'nfs, at the volume source',
        code: pod('    - name: shared\n      nfs:\n        server: nfs.example.com\n        path: /exports\n'),
        findings: [
          {
            line: 11,
            column: 7,
            severity: 'medium',
            path: '/spec/volumes/0/nfs',
            message: /^Volume "shared" is of type nfs: the restricted level allows only/,
          },
        ],
      },
      {
        name: 'hostPath and gitRepo, one finding each',
        code: pod(
          '    - { name: a, hostPath: { path: /data } }\n    - { name: b, gitRepo: { repository: https://example.com/r.git } }\n',
        ),
        findings: [
          { line: 10, path: '/spec/volumes/0/hostPath' },
          { line: 11, path: '/spec/volumes/1/gitRepo', message: /is of type gitRepo/ },
        ],
      },
    ],
  });
});
