import { defineRule } from '../types.js';
import { reportGrants } from './_grant.js';

export default defineRule({
  target: 'k8s-set',
  meta: {
    id: 'rbac/no-pod-exec',
    description: 'Disallow exec, attach, port-forward and ephemeral containers on pods',
    rationale:
      "pods/exec and pods/attach run commands inside running containers, so the holder gets each pod's service-account token, mounted secrets and network position; pods/portforward reaches ports that no Service exposes; pods/ephemeralcontainers adds a container, possibly privileged, to a running pod.",
    severity: 'high',
    threats: ['privilege-escalation', 'lateral-movement'],
    references: ['Kubernetes RBAC good practices: Escalation via pod exec', 'CIS Kubernetes 5.1.4'],
    remediation:
      'Grant exec only to break-glass roles bound to people, not to service accounts; prefer logs and metrics for debugging.',
    related: [{ tool: 'kubescape', id: 'C-0002' }],
    examples: [
      {
        bad: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: agent
  namespace: app
rules:
  - apiGroups: [""]
    resources: [pods/exec]
    verbs: [create]
`,
        good: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: agent
  namespace: app
rules:
  - apiGroups: [""]
    resources: [pods/log]
    verbs: [get]
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
          verbs: ['create', 'get'],
          targets: [
            ['', 'pods/exec'],
            ['', 'pods/attach'],
            ['', 'pods/portforward'],
          ],
          severity: { cluster: 'high', namespace: 'medium' },
        },
        {
          verbs: ['update', 'patch'],
          targets: [['', 'pods/ephemeralcontainers']],
          severity: { cluster: 'high', namespace: 'medium' },
        },
      ],
      (site) =>
        `${site.holder} grants ${site.what} ${site.where}: the holder runs commands in running pods and takes their service-account tokens (GET is enough for WebSocket exec).`,
    );
  },
});
