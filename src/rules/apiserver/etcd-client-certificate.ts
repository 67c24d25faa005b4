import { requireFlags } from '../../analyzers/control-plane.js';
import { podExample } from '../control-plane-examples.js';
import { defineRule } from '../types.js';

export default defineRule({
  target: 'apiserver',
  meta: {
    id: 'apiserver/etcd-client-certificate',
    description: 'Require the API server to authenticate to etcd with a client certificate (--etcd-certfile, --etcd-keyfile)',
    rationale:
      'etcd holds every Secret and every object of the cluster. If the API server connects without a client certificate, etcd must accept unauthenticated clients, and anyone who reaches its port reads and rewrites the cluster state directly, bypassing authentication, RBAC, admission and audit.',
    severity: 'high',
    threats: ['control-plane-exposure', 'secret-theft'],
    references: ['CIS Kubernetes 1.2.23'],
    remediation:
      'Issue a client certificate for the API server from the etcd CA (kubeadm: apiserver-etcd-client.crt) and set `--etcd-certfile` and `--etcd-keyfile`; run etcd with `--client-cert-auth=true`.',
    related: [{ tool: 'kube-bench', id: '1.2.23' }],
    examples: [
      {
        bad: podExample('kube-apiserver', ['--etcd-servers=https://127.0.0.1:2379']),
        good: podExample('kube-apiserver', [
          '--etcd-servers=https://127.0.0.1:2379',
          '--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt',
          '--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key',
        ]),
      },
    ],
  },
  check(apiserver, context) {
    requireFlags(
      context,
      apiserver,
      ['etcd-certfile', 'etcd-keyfile'],
      'it connects to etcd without a client certificate, so etcd must accept unauthenticated clients.',
    );
  },
});
