import { definePssRule, show, who } from './_pss.js';

export default definePssRule({
  check: 'hostPathVolumes',
  meta: {
    id: 'pss/host-path-volumes',
    description: 'Disallow hostPath volumes (Pod Security Standards baseline)',
    rationale:
      "A hostPath volume mounts a directory of the node into the container. Whoever controls the container can then read the node's credentials and other pods' data, or write to it: a mounted container runtime socket, /etc or the kubelet's directory is a direct path to root on the node.",
    severity: 'high',
    threats: ['permissive-volume-mount', 'host-compromise'],
    references: ['PSS baseline: HostPath Volumes'],
    remediation:
      'Replace the hostPath volume with a PersistentVolumeClaim, an emptyDir, a configMap or a secret. If node access is truly needed (a log shipper, a CSI driver), run the workload in a dedicated namespace exempted by a reviewed policy, and mount read-only the narrowest path possible.',
    related: [
      { tool: 'kubescape', id: 'C-0048' },
      { tool: 'trivy', id: 'KSV023' },
    ],
    // The restricted level's volume-type check reports the same field; this finding is the more specific one.
    overlaps: ['pss/restricted-volumes'],
    examples: [
      {
        bad: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  volumes:
    - name: docker
      hostPath:
        path: /var/run/docker.sock
`,
        good: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
  volumes:
    - name: cache
      emptyDir: {}
`,
      },
    ],
  },
  message: (field) =>
    `${who(field)} mounts the node's path ${show(field.value)} (hostPath): whoever controls the container can read or change the node's files through it.`,
});
