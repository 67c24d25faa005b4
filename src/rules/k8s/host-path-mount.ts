import { type Severity, severityRank } from '../../core/severity.js';
import {
  classifyHostPath,
  type HostPathClass,
  hostPathMountSeverity,
  normaliseHostPath,
  READ_ONLY_SOCKET_NOTE,
} from '../../model/host-path.js';
import { asArray, asObject, asString } from '../../model/k8s.js';
import type { Container } from '../../model/workload.js';
import { defineRule } from '../types.js';
import { controlPlaneComponent, isRequiredControlPlanePath } from './_control-plane.js';
import { containerLabel } from './_pod.js';

interface Exposure {
  severity: Severity;
  cls: HostPathClass;
  shown: string;
  readOnly: boolean;
}

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/host-path-mount',
    description: 'Disallow hostPath volumes that expose sensitive parts of the node',
    rationale:
      "A hostPath volume puts part of the node's filesystem inside the container. The container runtime socket or the root filesystem hands over the node outright; /etc, /proc, /sys, /var/lib/kubelet, /var/log, /root and /home expose credentials, every pod's tokens and ways to run code as root on the node; any other path is still shared state outside the container's sandbox. Findings are graded by what the path exposes (a directory is as sensitive as what it contains), one step lower when every container mounts it read-only, except for sockets, which a read-only mount does not protect; files that are harmless to read (the time zone, the CA bundle) are info when read-only. Compose and docker run bind mounts are graded by the same table.",
    severity: 'high',
    threats: ['permissive-volume-mount', 'host-compromise', 'secret-theft'],
    references: [
      'CIS Kubernetes 5.2.12',
      'NSA/CISA Kubernetes Hardening: restrict host path mounts',
      'PSS baseline: HostPath Volumes',
    ],
    remediation:
      'Replace the hostPath volume with a ConfigMap, Secret, emptyDir, persistent volume or CSI driver. If a node agent truly needs it, mount the narrowest path (a single file with `subPath`, never `/` or a runtime socket), mount it `readOnly: true`, and run the agent in a dedicated, reviewed namespace.',
    related: [
      { tool: 'kube-linter', id: 'sensitive-host-mounts' },
      { tool: 'kube-linter', id: 'docker-sock' },
      { tool: 'kube-linter', id: 'container-runtime-sock' },
      { tool: 'kube-linter', id: 'writable-host-mount' },
      { tool: 'kubescape', id: 'C-0048' },
      { tool: 'kubescape', id: 'C-0045' },
      { tool: 'kubescape', id: 'C-0074' },
      { tool: 'kubescape', id: 'C-0203' },
      { tool: 'trivy', id: 'KSV023' },
      { tool: 'trivy', id: 'KSV006' },
      { tool: 'trivy', id: 'KSV121' },
      { tool: 'checkov', id: 'CKV_K8S_27' },
    ],
    overlaps: ['pss/host-path-volumes', 'pss/restricted-volumes'],
    examples: [
      {
        bad: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: ghcr.io/acme/agent:1.4.0
          volumeMounts:
            - { name: docker, mountPath: /var/run/docker.sock }
      volumes:
        - name: docker
          hostPath: { path: /var/run/docker.sock, type: Socket }
`,
        good: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: ghcr.io/acme/agent:1.4.0
          volumeMounts:
            - { name: state, mountPath: /var/lib/agent }
      volumes:
        - name: state
          emptyDir: {}
`,
      },
    ],
  },
  check(workload, context) {
    const component = controlPlaneComponent(workload);
    for (const volume of workload.volumes) {
      const hostPath = asObject(volume.value.hostPath);
      const raw = asString(hostPath?.path);
      if (!hostPath || raw === undefined || raw.trim() === '') continue;
      const mounts = workload.containers.flatMap((container) =>
        asArray(container.value.volumeMounts)
          .map(asObject)
          .filter((mount) => asString(mount?.name) === volume.name)
          .map((mount) => ({ container, mount: mount ?? {} })),
      );
      // Each mount exposes the volume path, or the part of it its subPath selects.
      const exposures: Exposure[] = (mounts.length > 0 ? mounts : [undefined]).map((entry) => {
        const subPath = asString(entry?.mount.subPath);
        const shown = subPath ? `${raw.replace(/[\\/]+$/, '')}/${subPath}` : raw;
        const cls = classifyHostPath(normaliseHostPath(shown));
        const readOnly = entry === undefined || entry.mount.readOnly === true;
        return { severity: hostPathMountSeverity(cls, readOnly), cls, shown, readOnly };
      });
      const worst = exposures.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
      const writable = mounts.filter((m) => m.mount.readOnly !== true).map((m) => m.container);
      const who =
        mounts.length === 0
          ? 'no container mounts it yet'
          : writable.length > 0
            ? `mounted writable by ${containerNames(writable)}`
            : `mounted read-only by ${containerNames(mounts.map((m) => m.container))}`;
      const socketNote = worst.readOnly && worst.cls.socket && mounts.length > 0 ? `; ${READ_ONLY_SOCKET_NOTE}` : '';
      if (component && exposures.every((e) => isRequiredControlPlanePath(component, normaliseHostPath(e.shown).path))) {
        context.report({
          path: [...volume.path, 'hostPath'],
          severity: 'info',
          message: `hostPath volume ${JSON.stringify(volume.name)} exposes ${worst.shown} (${who}) to the ${component} static pod, which needs it by design; keep the node's files readable only by root.`,
        });
        continue;
      }
      context.report({
        path: [...volume.path, 'hostPath'],
        severity: worst.severity,
        message: `hostPath volume ${JSON.stringify(volume.name)} exposes ${worst.shown}, ${worst.cls.what} (${who}${socketNote}): it gives ${worst.cls.gives}.`,
      });
    }
  },
});

function containerNames(containers: Container[]): string {
  const labels = [...new Set(containers.map(containerLabel))];
  return labels.length <= 2 ? labels.join(' and ') : `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more`;
}
