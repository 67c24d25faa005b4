import { defineRule } from '../types.js';
import { capitalise, containerLabel, isWindowsPod, securityPath } from './_pod.js';

export default defineRule({
  target: 'workload',
  meta: {
    id: 'k8s/read-only-root-filesystem',
    description: 'Require containers to mount their root filesystem read-only',
    rationale:
      'A writable root filesystem lets an attacker who gets code execution change the application in place: drop tools and implants, replace binaries or configuration read at the next start, and persist for the life of the container. With `readOnlyRootFilesystem: true` the image stays as built, and the few paths that must be writable are explicit emptyDir or volume mounts that can be reviewed.',
    severity: 'low',
    threats: ['application-escape', 'malicious-payload'],
    references: ['NSA/CISA Kubernetes Hardening: immutable container file systems', 'CIS Kubernetes 5.7.3'],
    remediation:
      'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` at each path the process writes to (`/tmp`, caches, PID files).',
    related: [
      { tool: 'kube-linter', id: 'no-read-only-root-fs' },
      { tool: 'kubescape', id: 'C-0017' },
      { tool: 'trivy', id: 'KSV014' },
      { tool: 'polaris', id: 'notReadOnlyRootFilesystem' },
      { tool: 'kube-score', id: 'container-security-context-readonlyrootfilesystem' },
      { tool: 'checkov', id: 'CKV_K8S_22' },
    ],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: ghcr.io/acme/api:2.3.1
      securityContext:
        readOnlyRootFilesystem: true
      volumeMounts:
        - { name: tmp, mountPath: /tmp }
  volumes:
    - name: tmp
      emptyDir: {}
`,
      },
    ],
  },
  check(workload, context) {
    // Windows containers cannot have a read-only root filesystem.
    if (isWindowsPod(workload)) return;
    for (const container of workload.containers) {
      // Ephemeral containers are interactive debugging sessions added to a running pod.
      if (container.kind === 'ephemeralContainers') continue;
      const value = container.securityContext?.readOnlyRootFilesystem;
      if (value === true) continue;
      const label = capitalise(containerLabel(container));
      context.report({
        path: securityPath(container, 'readOnlyRootFilesystem'),
        message:
          value === false
            ? `${label} sets readOnlyRootFilesystem: false: a compromised process can change the container's binaries and configuration.`
            : `${label} has a writable root filesystem (readOnlyRootFilesystem is not set): a compromised process can change the container's binaries and configuration.`,
      });
    }
  },
});
