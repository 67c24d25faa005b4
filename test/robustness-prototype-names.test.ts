/**
 * Names taken from the scanned files are looked up in tables; a name that JavaScript objects
 * inherit (`toString`, `constructor`, `__proto__` ...) must be treated as any unknown name, in every
 * format, not reach an inherited function and crash a rule.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../src/scan.js';

const NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

function files(n: string): Record<string, string> {
  return {
    Dockerfile: [
      `FROM ${n}:${n} AS ${n}`,
      `ARG ${n}=1`,
      `ENV ${n}=${n}`,
      `RUN ${n} ${n} && apt-get install ${n} && ${n} -c '${n}' | ${n} && sudo ${n} ${n}`,
      `USER ${n}`,
      `CMD ["${n}"]`,
      '',
    ].join('\n'),
    'compose.yaml': `services:\n  ${n}:\n    image: ${n}\n    cap_add: [${n}]\n    sysctls: {${n}: 1}\n    network_mode: ${n}\n    volumes: ['/${n}:/${n}']\n    environment: {${n}: ${n}}\n`,
    'k8s.yaml': [
      'apiVersion: v1',
      `kind: ${n}`,
      `metadata: {name: ${n}}`,
      `spec: {template: {spec: {containers: [{name: a, image: b, command: [hyperkube, ${n}]}]}}}`,
      '---',
      'apiVersion: v1',
      'kind: Pod',
      `metadata: {name: p, namespace: ns, labels: {app: ${n}}}`,
      'spec:',
      `  containers: [{name: ${n}, image: ${n}, command: [${n}, --${n}=${n}], securityContext: {capabilities: {add: [${n}]}}, ports: [{name: ${n}, containerPort: 80}]}]`,
      `  volumes: [{name: ${n}, hostPath: {path: /${n}}}]`,
      '---',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: RoleBinding',
      'metadata: {name: b, namespace: ns}',
      `subjects: [{kind: ${n}, name: ${n}}, {kind: User, name: alice}]`,
      `roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: ${n}}`,
      '---',
      'apiVersion: networking.k8s.io/v1',
      'kind: NetworkPolicy',
      'metadata: {name: np, namespace: ns}',
      `spec: {podSelector: {matchLabels: {app: ${n}}}, ingress: [{ports: [{port: ${n}}]}]}`,
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: kube-apiserver, namespace: kube-system}',
      'spec:',
      `  containers: [{name: a, image: k8s, command: [kube-apiserver, --${n}=${n}, --authorization-mode=${n}, --request-timeout=5${n}]}]`,
      '',
    ].join('\n'),
    'daemon.json': JSON.stringify({ [n]: n, hosts: [n], 'log-level': n }),
    'run.sh': `#!/bin/sh\ndocker run --${n} --cap-add ${n} -v /${n}:/x ${n} ${n}\n${n} docker run x\n`,
    'docker.service': `[Service]\nExecStart=/usr/bin/dockerd --${n}=${n} -H tcp://0.0.0.0:2375\n`,
  };
}

describe('names that JavaScript objects inherit', () => {
  const root = mkdtempSync(join(tmpdir(), 'greenbelt-proto-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  for (const name of NAMES) {
    const dir = join(root, name.replace(/_/g, 'u'));
    mkdirSync(dir);
    for (const [file, text] of Object.entries(files(name))) writeFileSync(join(dir, file), text);
  }

  it('are scanned in every format without an error, and the real problems next to them are found', async () => {
    const result = await scan({ paths: ['.'], cwd: root, config: false });
    expect(result.errors).toEqual([]);
    for (const name of NAMES) {
      const dir = name.replace(/_/g, 'u');
      const rulesIn = (file: string) => new Set(result.findings.filter((f) => f.file === `${dir}/${file}`).map((f) => f.rule));
      expect(rulesIn('Dockerfile').has('dockerfile/no-sudo')).toBe(true);
      expect(rulesIn('k8s.yaml').has('k8s/host-path-mount')).toBe(true);
      expect(rulesIn('k8s.yaml').has('apiserver/authorization-rbac')).toBe(true);
      expect(rulesIn('compose.yaml').has('compose/no-sensitive-host-mounts') || rulesIn('compose.yaml').size > 0).toBe(true);
      expect(rulesIn('docker.service').size).toBeGreaterThan(0);
    }
  });
});
