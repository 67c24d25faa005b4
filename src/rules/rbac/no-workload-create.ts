import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-workload-create',
    description: 'Disallow creating pods and pod controllers',
    rationale:
      'Whoever can create a pod, or a Deployment, DaemonSet, StatefulSet, ReplicaSet, Job, CronJob or ReplicationController that creates one, can run it as any service account of the namespace and mount any of its secrets: the grant lends every token and secret of the namespace, and root on the node where no Pod Security admission stops privileged pods.',
    severity: 'high',
    threats: ['privilege-escalation', 'secret-theft'],
    references: [
      'Kubernetes RBAC good practices: Workload creation',
      'NSA/CISA Kubernetes Hardening: least-privilege RBAC',
      'CIS Kubernetes 5.1.4',
    ],
    remediation:
      'Leave pod and controller creation to a deployment pipeline or GitOps controller; where a workload must create pods, confine it to a dedicated namespace with no powerful service accounts and Pod Security `restricted` enforced.',
    related: [
      { tool: 'kubescape', id: 'C-0188' },
      { tool: 'trivy', id: 'KSV048' },
    ],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: agent
  namespace: app
rules:
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [create, update]
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: agent
  namespace: app
rules:
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [get, list, watch]
`,
      },
    ],
  },
  check(set, context) {
    reportGrants(
      set,
      context,
      [
        {
          verbs: ['create'],
          targets: [
            ['', 'pods'],
            ['apps', 'deployments'],
            ['apps', 'daemonsets'],
            ['apps', 'statefulsets'],
            ['apps', 'replicasets'],
            ['batch', 'jobs'],
            ['batch', 'cronjobs'],
            ['', 'replicationcontrollers'],
          ],
          severity: { cluster: 'high', namespace: 'medium' },
        },
      ],
      (site) =>
        `${site.holder} grants ${site.what} ${site.where}: a new pod can run as any service account and mount any secret of its namespace.`,
    );
  },
});
