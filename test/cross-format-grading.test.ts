/**
 * One host path or capability, one grade and one explanation, whichever file format it is written
 * in: a Kubernetes Pod, a compose service and a `docker run` line in a script are scanned with the
 * whole pipeline (every rule, default settings), and the finding at the mount or the capability
 * must carry the same severity and the same explanation in all three.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/finding.js';
import type { Severity } from '../src/core/severity.js';
import { classifyHostPath, normaliseHostPath } from '../src/model/host-path.js';
import { scanText } from '../src/testing/index.js';

type Format = 'kubernetes' | 'compose' | 'docker run';

interface Scanned {
  format: Format;
  /** Every finding at the mount or capability entry. */
  at: Finding[];
}

const MOUNT_RULES: Record<Format, readonly string[]> = {
  kubernetes: ['k8s/host-path-mount'],
  compose: ['compose/no-sensitive-host-mounts', 'compose/no-writable-bind-mounts'],
  'docker run': ['docker-run/no-sensitive-host-mounts'],
};

const CAPABILITY_RULES: Record<Format, string> = {
  kubernetes: 'k8s/dangerous-capabilities',
  compose: 'compose/no-dangerous-capabilities',
  'docker run': 'docker-run/no-dangerous-capabilities',
};

function pod(securityContext: string, volumeMount: string, volume: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: app
  namespace: shop
spec:
  containers:
    - name: app
      image: ghcr.io/acme/app:1.0.0
${securityContext}${volumeMount}${volume}`;
}

async function scanMount(path: string, readOnly: boolean): Promise<Scanned[]> {
  const k8s = await scanText(
    pod(
      '',
      `      volumeMounts:\n        - name: host\n          mountPath: /host\n${readOnly ? '          readOnly: true\n' : ''}`,
      `  volumes:\n    - name: host\n      hostPath:\n        path: ${JSON.stringify(path)}\n`,
    ),
    { filename: 'pod.yaml' },
  );
  const volume = `${path}:/host${readOnly ? ':ro' : ''}`;
  const compose = await scanText(
    `services:\n  app:\n    image: ghcr.io/acme/app:1.0.0\n    volumes:\n      - ${JSON.stringify(volume)}\n`,
    { filename: 'compose.yaml' },
  );
  const line = `docker run -v '${volume}' ghcr.io/acme/app:1.0.0`;
  const script = await scanText(`#!/bin/sh\n${line}\n`, { filename: 'run.sh' });
  for (const result of [k8s, compose, script]) expect(result.errors).toEqual([]);
  // The `-v` value starts after the quote.
  const column = line.indexOf("'") + 1;
  return [
    { format: 'kubernetes', at: k8s.findings.filter((f) => f.path?.startsWith('/spec/volumes/0') === true) },
    { format: 'compose', at: compose.findings.filter((f) => f.path?.startsWith('/services/app/volumes/0') === true) },
    { format: 'docker run', at: script.findings.filter((f) => f.line === 2 && f.column === column) },
  ];
}

async function scanCapability(capability: string): Promise<Scanned[]> {
  const k8s = await scanText(
    pod(`      securityContext:\n        capabilities:\n          add: [${JSON.stringify(capability)}]\n`, '', ''),
    { filename: 'pod.yaml' },
  );
  const compose = await scanText(
    `services:\n  app:\n    image: ghcr.io/acme/app:1.0.0\n    cap_add: [${JSON.stringify(capability)}]\n`,
    { filename: 'compose.yaml' },
  );
  const script = await scanText(`#!/bin/sh\ndocker run --cap-add ${capability} ghcr.io/acme/app:1.0.0\n`, {
    filename: 'run.sh',
  });
  for (const result of [k8s, compose, script]) expect(result.errors).toEqual([]);
  const of = (findings: Finding[], format: Format) => findings.filter((f) => f.rule === CAPABILITY_RULES[format]);
  return [
    { format: 'kubernetes', at: of(k8s.findings, 'kubernetes') },
    { format: 'compose', at: of(compose.findings, 'compose') },
    { format: 'docker run', at: of(script.findings, 'docker run') },
  ];
}

/** The explanation a finding shares across formats: what follows the format's own wording. */
function explanation(message: string, marker: RegExp): string {
  const match = marker.exec(message);
  return match ? message.slice(match.index) : message;
}

// [host path, severity writable, severity read-only]
const HOST_PATHS: readonly [string, Severity, Severity][] = [
  ['/var/run/docker.sock', 'critical', 'critical'],
  ['/run/containerd/containerd.sock', 'critical', 'critical'],
  ['/var/run/crio/crio.sock', 'critical', 'critical'],
  ['/', 'critical', 'critical'],
  ['/run', 'critical', 'critical'],
  ['/etc', 'high', 'medium'],
  ['/etc/kubernetes', 'high', 'medium'],
  ['/proc', 'high', 'medium'],
  ['/sys/fs/cgroup', 'high', 'medium'],
  ['/var/lib/kubelet', 'high', 'medium'],
  ['/var/log', 'high', 'medium'],
  ['/home/dev/.ssh', 'high', 'medium'],
  ['/srv/shop/data', 'medium', 'low'],
  ['/etc/localtime', 'medium', 'info'],
];

describe('host paths are graded alike in Kubernetes, compose and docker run', () => {
  for (const [path, writable, readOnly] of HOST_PATHS) {
    for (const [mode, expected] of [
      ['writable', writable],
      ['read-only', readOnly],
    ] as const) {
      it(`${path} ${mode} is ${expected} in every format`, async () => {
        const scanned = await scanMount(path, mode === 'read-only');
        for (const { format, at } of scanned) {
          expect(
            at.map((f) => `${f.rule} ${f.severity}`),
            format,
          ).toEqual([`${at[0]?.rule} ${expected}`]);
          expect(MOUNT_RULES[format], format).toContain(at[0]?.rule);
        }
        // The same explanation from the shared table: what the path is and what it gives.
        const cls = classifyHostPath(normaliseHostPath(path));
        for (const { format, at } of scanned) {
          expect(at[0]?.message, format).toContain(`, ${cls.what}`);
          expect(at[0]?.message, format).toContain(`: it gives ${cls.gives}.`);
        }
      });
    }
  }
});

// [capability as written, severity]; undefined: not reported in any format.
const CAPABILITIES: readonly [string, Severity | undefined][] = [
  ['ALL', 'critical'],
  ['SYS_ADMIN', 'critical'],
  ['cap_sys_admin', 'critical'],
  ['SYS_MODULE', 'critical'],
  ['DAC_READ_SEARCH', 'critical'],
  ['SYS_PTRACE', 'high'],
  ['NET_ADMIN', 'high'],
  ['BPF', 'high'],
  ['PERFMON', 'high'],
  ['NET_RAW', 'medium'],
  ['SYS_TIME', 'medium'],
  ['SETUID', 'low'],
  ['CHOWN', undefined],
  ['NET_BIND_SERVICE', undefined],
];

describe('capabilities are graded alike in Kubernetes, compose and docker run', () => {
  for (const [capability, expected] of CAPABILITIES) {
    it(`adding ${capability} is ${expected ?? 'not reported'} in every format`, async () => {
      const scanned = await scanCapability(capability);
      for (const { format, at } of scanned) {
        expect(
          at.map((f) => f.severity),
          format,
        ).toEqual(expected ? [expected] : []);
      }
      if (expected) {
        const texts = scanned.map(({ at }) => explanation(at[0]?.message ?? '', / adds /));
        expect(new Set(texts).size, texts.join('\n')).toBe(1);
      }
    });
  }
});
