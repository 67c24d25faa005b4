import { describe, expect, it } from 'vitest';
import { SourceText } from '../core/source.js';
import { objectsOfDocument } from '../model/k8s.js';
import { type Workload, workloadOf } from '../model/workload.js';
import { parseYaml } from '../sources/yaml.js';
import { container } from '../testing/pss.js';
import { evaluatePod, evaluateWorkload } from './evaluate.js';
import { ALL_CHECKS, checksAt } from './registry.js';

const minimalRestricted = {
  spec: {
    securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [container('a', { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } })],
  },
};

function workload(yaml: string): Workload {
  const [document] = parseYaml(new SourceText('w.yaml', yaml)).documents;
  const [object] = document ? objectsOfDocument(document) : [];
  const found = object ? workloadOf(object) : undefined;
  if (!found) throw new Error('no workload');
  return found;
}

describe('evaluatePod', () => {
  it('has every upstream check, each with a control name', () => {
    expect(ALL_CHECKS.map((c) => c.id)).toEqual([
      'appArmorProfile',
      'capabilities_baseline',
      'hostNamespaces',
      'hostPathVolumes',
      'hostPorts',
      'hostProbesAndHostLifecycle',
      'privileged',
      'procMount',
      'seLinuxOptions',
      'seccompProfile_baseline',
      'sysctls',
      'windowsHostProcess',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'procMount_restricted',
      'restrictedVolumes',
      'runAsNonRoot',
      'runAsUser',
      'seccompProfile_restricted',
    ]);
    for (const check of ALL_CHECKS) expect(check.control.length).toBeGreaterThan(3);
  });

  it('runs baseline checks only at baseline, and both sets at restricted', () => {
    expect(checksAt('baseline', 37).every(({ check }) => check.level === 'baseline')).toBe(true);
    expect(checksAt('baseline', 37)).toHaveLength(12);
    expect(checksAt('restricted', 37)).toHaveLength(19);
    expect(checksAt('restricted', 0).map(({ check }) => check.id)).not.toContain('allowPrivilegeEscalation');
    expect(checksAt('baseline', 33).map(({ check }) => check.id)).not.toContain('hostProbesAndHostLifecycle');
  });

  it('allows a minimal restricted pod at every version and level', () => {
    for (let minor = 0; minor <= 37; minor++) {
      expect(evaluatePod(minimalRestricted, { level: 'restricted', version: minor })).toEqual({ allowed: true, violations: [] });
    }
  });

  it('denies an empty pod at restricted but not at baseline', () => {
    const pod = { spec: { containers: [container('a')] } };
    expect(evaluatePod(pod, { level: 'baseline' }).allowed).toBe(true);
    const result = evaluatePod(pod, { level: 'restricted' });
    expect(result.allowed).toBe(false);
    expect(result.violations.map((v) => v.check)).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
    expect(evaluatePod(pod, { level: 'restricted', version: 'v1.7' }).violations.map((v) => v.check)).toEqual(['runAsNonRoot']);
  });

  it('orders baseline violations before restricted ones, each group by id', () => {
    const pod = {
      spec: { hostPID: true, containers: [container('a', { privileged: true, capabilities: { add: ['SYS_ADMIN'] } })] },
    };
    expect(evaluatePod(pod, { level: 'restricted' }).violations.map((v) => v.check)).toEqual([
      'capabilities_baseline',
      'hostNamespaces',
      'privileged',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
  });

  it('lists a replaced baseline check next to the restricted check that replaces it when both fail', () => {
    const pod = {
      spec: { ...minimalRestricted.spec, volumes: [{ name: 'h', hostPath: { path: '/' } }] },
    };
    const result = evaluatePod(pod, { level: 'restricted' });
    expect(result.violations.map((v) => [v.check, v.paths])).toEqual([
      ['hostPathVolumes', [['spec', 'volumes', 0, 'hostPath']]],
      ['restrictedVolumes', [['spec', 'volumes', 0, 'hostPath']]],
    ]);
  });

  it('admits, like upstream, a Windows pod whose replaced baseline checks fail while the replacing checks are exempt', () => {
    const pod = {
      spec: {
        os: { name: 'windows' },
        securityContext: { runAsNonRoot: true, seccompProfile: { type: 'Unconfined' } },
        containers: [container('a', { capabilities: { add: ['SYS_ADMIN'] } })],
      },
    };
    expect(evaluatePod(pod, { level: 'restricted' })).toEqual({ allowed: true, violations: [] });
    expect(evaluatePod(pod, { level: 'baseline' }).violations.map((v) => v.check)).toEqual([
      'capabilities_baseline',
      'seccompProfile_baseline',
    ]);
    // Before v1.25 there is no Windows exemption: both levels deny.
    expect(evaluatePod(pod, { level: 'restricted', version: 'v1.24' }).violations.map((v) => v.check)).toEqual([
      'capabilities_baseline',
      'seccompProfile_baseline',
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'seccompProfile_restricted',
    ]);
  });

  it('treats versions newer than the newest known as latest', () => {
    const pod = { spec: { securityContext: { sysctls: [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }] }, containers: [] } };
    expect(evaluatePod(pod, { level: 'baseline', version: 'v1.36' }).allowed).toBe(false);
    expect(evaluatePod(pod, { level: 'baseline', version: 'v1.40' }).allowed).toBe(true);
    expect(evaluatePod(pod, { level: 'baseline', version: 'latest' }).allowed).toBe(true);
  });

  it('tolerates a pod without a spec or with values of the wrong types', () => {
    expect(evaluatePod({}, { level: 'restricted' }).allowed).toBe(true);
    const odd = { spec: { containers: 'x', volumes: [null, 3], securityContext: [] } };
    expect(evaluatePod(odd, { level: 'restricted' }).allowed).toBe(true);
  });
});

describe('evaluateWorkload', () => {
  it('maps paths onto a controller object, spec and metadata alike', () => {
    const deployment = workload(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/web: unconfined
    spec:
      hostNetwork: true
      containers:
        - name: web
          image: nginx
`);
    const result = evaluateWorkload(deployment, { level: 'baseline' });
    expect(result.violations.map((v) => [v.check, v.paths])).toEqual([
      [
        'appArmorProfile',
        [['spec', 'template', 'metadata', 'annotations', 'container.apparmor.security.beta.kubernetes.io/web']],
      ],
      ['hostNamespaces', [['spec', 'template', 'spec', 'hostNetwork']]],
    ]);
    expect(result.violations[1]?.fields[0]?.path).toEqual(['spec', 'template', 'spec', 'hostNetwork']);
  });

  it('evaluates a CronJob and a PodTemplate at their pod templates', () => {
    const cronJob = workload(`apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: true
          containers: [{ name: c, image: busybox }]
`);
    expect(evaluateWorkload(cronJob, { level: 'baseline' }).violations[0]?.paths).toEqual([
      ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'hostPID'],
    ]);
    const template = workload(`apiVersion: v1
kind: PodTemplate
metadata: { name: t }
template:
  spec:
    hostIPC: true
    containers: [{ name: c, image: busybox }]
`);
    expect(evaluateWorkload(template, { level: 'baseline' }).violations[0]?.paths).toEqual([['template', 'spec', 'hostIPC']]);
  });
});
