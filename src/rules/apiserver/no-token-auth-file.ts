import { reportFlag } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/no-token-auth-file',
    description: 'Disallow static token and password files for API server authentication (--token-auth-file, --basic-auth-file)',
    rationale:
      'A static token file holds long-lived bearer tokens in clear text on the control-plane host. They never expire, cannot be revoked without editing the file and restarting every API server, and anyone who reads the file (a backup, a debug bundle, a compromised node agent) can impersonate the users in it, often cluster administrators.',
    severity: 'high',
    threats: ['secret-theft', 'control-plane-exposure'],
    references: ['CIS Kubernetes 1.2.2', 'CIS Kubernetes 1.5.1: 1.2.2 (--basic-auth-file)'],
    remediation:
      'Remove `--token-auth-file` (and `--basic-auth-file`) and authenticate people with OIDC or short-lived client certificates, and workloads with bound service account tokens.',
    related: [{ tool: 'kube-bench', id: '1.2.2' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--token-auth-file=/etc/kubernetes/tokens.csv']),
        good: podExample('kube-apiserver', ['--authorization-mode=Node,RBAC']),
      },
    ],
  },
  check(apiserver, context) {
    for (const name of ['token-auth-file', 'basic-auth-file']) {
      const occurrence = apiserver.flags.last(name);
      if (!occurrence) continue;
      const kind = name === 'token-auth-file' ? 'bearer tokens' : 'passwords';
      reportFlag(
        context,
        apiserver,
        name,
        `${apiserver.label} reads static ${kind} from ${occurrence.value ?? 'a file'} (--${name}): they never expire and cannot be revoked without restarting the API server.`,
        { key: name },
      );
    }
  },
});
