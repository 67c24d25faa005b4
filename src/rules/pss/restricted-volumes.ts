import { definePssRule, who } from './_pss.js';

export default definePssRule({
  check: 'restrictedVolumes',
  meta: {
    id: 'pss/restricted-volumes',
    description: 'Require volumes of the core pod-scoped types only (Pod Security Standards restricted)',
    rationale:
      "Inline volumes of the node and network plugin types (hostPath, nfs, iscsi, rbd, cephfs, flexVolume, gitRepo, cloud disks, ...) let a pod attach storage that bypasses the cluster's PersistentVolume controls, reach storage servers with the node's credentials, or run plugin code on the node (gitRepo runs git as root on the node).",
    severity: 'medium',
    threats: ['permissive-volume-mount', 'network-resource-access'],
    references: ['PSS restricted: Volume Types'],
    remediation:
      'Use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes; provide network and cloud storage through a PersistentVolumeClaim bound to an administrator-defined PersistentVolume or StorageClass.',
    related: [{ tool: 'trivy', id: 'KSV028' }],
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
    - name: shared
      nfs:
        server: nfs.example.com
        path: /exports/shared
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
    - name: shared
      persistentVolumeClaim:
        claimName: shared
`,
      },
    ],
  },
  message: (field) =>
    `${who(field)} is of type ${String(field.value)}: the restricted level allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.`,
});
