import { describe, expect, it } from 'vitest';
import { ofRule, scanText, testRule } from '../../testing/index.js';
import rule from './host-path-volumes.js';
import restrictedVolumes from './restricted-volumes.js';

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

const hostPath = `    - name: docker
      hostPath:
        path: /var/run/docker.sock
`;

describe('pss/host-path-volumes', () => {
  testRule(rule, {
    valid: [
      { name: 'emptyDir', code: pod('    - name: cache\n      emptyDir: {}\n') },
      { name: 'hostPath: null is unset', code: pod('    - name: cache\n      hostPath: null\n') },
    ],
    invalid: [
      {
        name: 'hostPath volume, at the hostPath field',
        code: pod(hostPath),
        findings: [
          {
            line: 11,
            column: 7,
            severity: 'high',
            path: '/spec/volumes/0/hostPath',
            message:
              'Volume "docker" mounts the node\'s path "/var/run/docker.sock" (hostPath): whoever controls the container can read or change the node\'s files through it.',
          },
        ],
      },
      {
        name: 'one finding per volume',
        code: pod(`    - name: cache\n      emptyDir: {}\n${hostPath}    - name: root\n      hostPath: { path: / }\n`),
        findings: [
          { line: 13, path: '/spec/volumes/1/hostPath' },
          { line: 16, path: '/spec/volumes/2/hostPath', message: /path "\/"/ },
        ],
      },
      {
        name: 'baseline level',
        code: pod(hostPath),
        settings: (s) => {
          s.pss.level = 'baseline';
        },
        findings: [{ line: 11 }],
      },
    ],
  });

  it('at restricted, keeps its finding and takes the volume-type reference of pss/restricted-volumes', async () => {
    const result = await scanText(pod(hostPath), { rules: [rule, restrictedVolumes] });
    expect(ofRule(result, 'pss/restricted-volumes')).toEqual([]);
    const [finding] = ofRule(result, 'pss/host-path-volumes');
    expect(finding?.references).toEqual(['PSS baseline: HostPath Volumes', 'PSS restricted: Volume Types']);
  });
});
